from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.allocation_out_breakdown import AllocationOutBreakdown





T = TypeVar("T", bound="AllocationOut")



@_attrs_define
class AllocationOut:
    """ 
        Attributes:
            breakdown (AllocationOutBreakdown):
            cooperative_id (UUID):
            demand_id (UUID):
            distance_km (float):
            offer_id (UUID):
            quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A JSON
                integer within the same digit limit is accepted as well.
            score (float):
            unit_cost (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            proposal_id (None | Unset | UUID):
     """

    breakdown: AllocationOutBreakdown
    cooperative_id: UUID
    demand_id: UUID
    distance_km: float
    offer_id: UUID
    quantity: str
    score: float
    unit_cost: str
    proposal_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.allocation_out_breakdown import AllocationOutBreakdown # noqa: PLC0415
        breakdown = self.breakdown.to_dict()

        cooperative_id = str(self.cooperative_id)

        demand_id = str(self.demand_id)

        distance_km = self.distance_km

        offer_id = str(self.offer_id)

        quantity = self.quantity

        score = self.score

        unit_cost = self.unit_cost

        proposal_id: None | str | Unset
        if isinstance(self.proposal_id, Unset):
            proposal_id = UNSET
        elif isinstance(self.proposal_id, UUID):
            proposal_id = str(self.proposal_id)
        else:
            proposal_id = self.proposal_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "breakdown": breakdown,
            "cooperative_id": cooperative_id,
            "demand_id": demand_id,
            "distance_km": distance_km,
            "offer_id": offer_id,
            "quantity": quantity,
            "score": score,
            "unit_cost": unit_cost,
        })
        if proposal_id is not UNSET:
            field_dict["proposal_id"] = proposal_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.allocation_out_breakdown import AllocationOutBreakdown # noqa: PLC0415
        d = dict(src_dict)
        breakdown = AllocationOutBreakdown.from_dict(d.pop("breakdown"))




        cooperative_id = UUID(d.pop("cooperative_id"))




        demand_id = UUID(d.pop("demand_id"))




        distance_km = d.pop("distance_km")

        offer_id = UUID(d.pop("offer_id"))




        quantity = d.pop("quantity")

        score = d.pop("score")

        unit_cost = d.pop("unit_cost")

        def _parse_proposal_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proposal_id_type_0 = UUID(data)



                return proposal_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        proposal_id = _parse_proposal_id(d.pop("proposal_id", UNSET))


        allocation_out = cls(
            breakdown=breakdown,
            cooperative_id=cooperative_id,
            demand_id=demand_id,
            distance_km=distance_km,
            offer_id=offer_id,
            quantity=quantity,
            score=score,
            unit_cost=unit_cost,
            proposal_id=proposal_id,
        )


        allocation_out.additional_properties = d
        return allocation_out

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
