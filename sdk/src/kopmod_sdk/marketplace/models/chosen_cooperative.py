from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.factor_score import FactorScore
  from ..models.reason import Reason





T = TypeVar("T", bound="ChosenCooperative")



@_attrs_define
class ChosenCooperative:
    """ One cooperative's part of the split, and why the matcher gave it that part.

        Attributes:
            asking_price (str): The cooperative's asking price per base unit.
            capacity (str): What the offer still had when the run was made.
            cooperative_id (UUID):
            cooperative_name (str):
            delivered_cost (str): Asking price plus transport, per base unit.
            delivered_cost_rank (int): 1 for the lowest delivered cost among the cooperatives that passed the filters.
            distance_km (float):
            factors (list[FactorScore]):
            grade (None | str):
            offer_id (UUID):
            proposal_id (None | UUID): The proposal sent for this part, if any.
            proposal_status (None | str): Where that proposal stands now.
            quantity (str): Allocated, in the demand's base unit.
            reasons (list[Reason]):
            reliability (None | str): Accepted over due on the cooperative's past contracts; null without history.
            score (str): A share of 1: at most 4 decimals, answered with 4; 0 to 1. A JSON integer within the same digit
                limit is accepted as well.
            share_of_demand (str): Of the quantity the run had to allocate.
            transport_cost (str): Estimated transport per base unit.
     """

    asking_price: str
    capacity: str
    cooperative_id: UUID
    cooperative_name: str
    delivered_cost: str
    delivered_cost_rank: int
    distance_km: float
    factors: list[FactorScore]
    grade: None | str
    offer_id: UUID
    proposal_id: None | UUID
    proposal_status: None | str
    quantity: str
    reasons: list[Reason]
    reliability: None | str
    score: str
    share_of_demand: str
    transport_cost: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.factor_score import FactorScore # noqa: PLC0415
        from ..models.reason import Reason # noqa: PLC0415
        asking_price = self.asking_price

        capacity = self.capacity

        cooperative_id = str(self.cooperative_id)

        cooperative_name = self.cooperative_name

        delivered_cost = self.delivered_cost

        delivered_cost_rank = self.delivered_cost_rank

        distance_km = self.distance_km

        factors = []
        for factors_item_data in self.factors:
            factors_item = factors_item_data.to_dict()
            factors.append(factors_item)



        grade: None | str
        grade = self.grade

        offer_id = str(self.offer_id)

        proposal_id: None | str
        if isinstance(self.proposal_id, UUID):
            proposal_id = str(self.proposal_id)
        else:
            proposal_id = self.proposal_id

        proposal_status: None | str
        proposal_status = self.proposal_status

        quantity = self.quantity

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)



        reliability: None | str
        reliability = self.reliability

        score = self.score

        share_of_demand = self.share_of_demand

        transport_cost = self.transport_cost


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asking_price": asking_price,
            "capacity": capacity,
            "cooperative_id": cooperative_id,
            "cooperative_name": cooperative_name,
            "delivered_cost": delivered_cost,
            "delivered_cost_rank": delivered_cost_rank,
            "distance_km": distance_km,
            "factors": factors,
            "grade": grade,
            "offer_id": offer_id,
            "proposal_id": proposal_id,
            "proposal_status": proposal_status,
            "quantity": quantity,
            "reasons": reasons,
            "reliability": reliability,
            "score": score,
            "share_of_demand": share_of_demand,
            "transport_cost": transport_cost,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.factor_score import FactorScore # noqa: PLC0415
        from ..models.reason import Reason # noqa: PLC0415
        d = dict(src_dict)
        asking_price = d.pop("asking_price")

        capacity = d.pop("capacity")

        cooperative_id = UUID(d.pop("cooperative_id"))




        cooperative_name = d.pop("cooperative_name")

        delivered_cost = d.pop("delivered_cost")

        delivered_cost_rank = d.pop("delivered_cost_rank")

        distance_km = d.pop("distance_km")

        factors = []
        _factors = d.pop("factors")
        for factors_item_data in (_factors):
            factors_item = FactorScore.from_dict(factors_item_data)



            factors.append(factors_item)


        def _parse_grade(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        grade = _parse_grade(d.pop("grade"))


        offer_id = UUID(d.pop("offer_id"))




        def _parse_proposal_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proposal_id_type_0 = UUID(data)



                return proposal_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        proposal_id = _parse_proposal_id(d.pop("proposal_id"))


        def _parse_proposal_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        proposal_status = _parse_proposal_status(d.pop("proposal_status"))


        quantity = d.pop("quantity")

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in (_reasons):
            reasons_item = Reason.from_dict(reasons_item_data)



            reasons.append(reasons_item)


        def _parse_reliability(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reliability = _parse_reliability(d.pop("reliability"))


        score = d.pop("score")

        share_of_demand = d.pop("share_of_demand")

        transport_cost = d.pop("transport_cost")

        chosen_cooperative = cls(
            asking_price=asking_price,
            capacity=capacity,
            cooperative_id=cooperative_id,
            cooperative_name=cooperative_name,
            delivered_cost=delivered_cost,
            delivered_cost_rank=delivered_cost_rank,
            distance_km=distance_km,
            factors=factors,
            grade=grade,
            offer_id=offer_id,
            proposal_id=proposal_id,
            proposal_status=proposal_status,
            quantity=quantity,
            reasons=reasons,
            reliability=reliability,
            score=score,
            share_of_demand=share_of_demand,
            transport_cost=transport_cost,
        )


        chosen_cooperative.additional_properties = d
        return chosen_cooperative

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
