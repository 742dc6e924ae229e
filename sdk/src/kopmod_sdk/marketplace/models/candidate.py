from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.candidate_breakdown import CandidateBreakdown





T = TypeVar("T", bound="Candidate")



@_attrs_define
class Candidate:
    """ 
        Attributes:
            asking_price (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            breakdown (CandidateBreakdown): Each factor in [0, 1]: `distance` (1 at the door, 0 at the radius), `window`
                (share of the demand's window the offer covers), `quantity` (share of the demand the offer could fill), `price`
                (0.5 at the offtaker's reference price, 1 at half of it, 0 at 1.5 times it), `reliability` (the cooperative's
                fulfilment rate on past contracts; 0.5 without history).
            cooperative_id (UUID):
            cooperative_name (str):
            distance_km (float):
            grade (None | str):
            offer_id (UUID):
            remaining_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            score (float):
            unit_cost (str): Asking price plus transport, per base unit.
     """

    asking_price: str
    breakdown: CandidateBreakdown
    cooperative_id: UUID
    cooperative_name: str
    distance_km: float
    grade: None | str
    offer_id: UUID
    remaining_quantity: str
    score: float
    unit_cost: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.candidate_breakdown import CandidateBreakdown # noqa: PLC0415
        asking_price = self.asking_price

        breakdown = self.breakdown.to_dict()

        cooperative_id = str(self.cooperative_id)

        cooperative_name = self.cooperative_name

        distance_km = self.distance_km

        grade: None | str
        grade = self.grade

        offer_id = str(self.offer_id)

        remaining_quantity = self.remaining_quantity

        score = self.score

        unit_cost = self.unit_cost


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asking_price": asking_price,
            "breakdown": breakdown,
            "cooperative_id": cooperative_id,
            "cooperative_name": cooperative_name,
            "distance_km": distance_km,
            "grade": grade,
            "offer_id": offer_id,
            "remaining_quantity": remaining_quantity,
            "score": score,
            "unit_cost": unit_cost,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.candidate_breakdown import CandidateBreakdown # noqa: PLC0415
        d = dict(src_dict)
        asking_price = d.pop("asking_price")

        breakdown = CandidateBreakdown.from_dict(d.pop("breakdown"))




        cooperative_id = UUID(d.pop("cooperative_id"))




        cooperative_name = d.pop("cooperative_name")

        distance_km = d.pop("distance_km")

        def _parse_grade(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        grade = _parse_grade(d.pop("grade"))


        offer_id = UUID(d.pop("offer_id"))




        remaining_quantity = d.pop("remaining_quantity")

        score = d.pop("score")

        unit_cost = d.pop("unit_cost")

        candidate = cls(
            asking_price=asking_price,
            breakdown=breakdown,
            cooperative_id=cooperative_id,
            cooperative_name=cooperative_name,
            distance_km=distance_km,
            grade=grade,
            offer_id=offer_id,
            remaining_quantity=remaining_quantity,
            score=score,
            unit_cost=unit_cost,
        )


        candidate.additional_properties = d
        return candidate

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
