from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.allocation_out import AllocationOut
  from ..models.candidate import Candidate
  from ..models.excluded import Excluded
  from ..models.match_preview_weights import MatchPreviewWeights





T = TypeVar("T", bound="MatchPreview")



@_attrs_define
class MatchPreview:
    """ 
        Attributes:
            allocated_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            allocation (list[AllocationOut]):
            candidates (list[Candidate]): Best score first.
            demand_id (UUID):
            excluded (list[Excluded]): Nearby offers a hard filter removed, and why.
            status (str): `optimal`, or `repaired` (minimum lots / order multiples).
            supply_cost (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            unmet_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A JSON
                integer within the same digit limit is accepted as well.
            weights (MatchPreviewWeights):
     """

    allocated_quantity: str
    allocation: list[AllocationOut]
    candidates: list[Candidate]
    demand_id: UUID
    excluded: list[Excluded]
    status: str
    supply_cost: str
    unmet_quantity: str
    weights: MatchPreviewWeights
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.allocation_out import AllocationOut # noqa: PLC0415
        from ..models.candidate import Candidate # noqa: PLC0415
        from ..models.excluded import Excluded # noqa: PLC0415
        from ..models.match_preview_weights import MatchPreviewWeights # noqa: PLC0415
        allocated_quantity = self.allocated_quantity

        allocation = []
        for allocation_item_data in self.allocation:
            allocation_item = allocation_item_data.to_dict()
            allocation.append(allocation_item)



        candidates = []
        for candidates_item_data in self.candidates:
            candidates_item = candidates_item_data.to_dict()
            candidates.append(candidates_item)



        demand_id = str(self.demand_id)

        excluded = []
        for excluded_item_data in self.excluded:
            excluded_item = excluded_item_data.to_dict()
            excluded.append(excluded_item)



        status = self.status

        supply_cost = self.supply_cost

        unmet_quantity = self.unmet_quantity

        weights = self.weights.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "allocated_quantity": allocated_quantity,
            "allocation": allocation,
            "candidates": candidates,
            "demand_id": demand_id,
            "excluded": excluded,
            "status": status,
            "supply_cost": supply_cost,
            "unmet_quantity": unmet_quantity,
            "weights": weights,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.allocation_out import AllocationOut # noqa: PLC0415
        from ..models.candidate import Candidate # noqa: PLC0415
        from ..models.excluded import Excluded # noqa: PLC0415
        from ..models.match_preview_weights import MatchPreviewWeights # noqa: PLC0415
        d = dict(src_dict)
        allocated_quantity = d.pop("allocated_quantity")

        allocation = []
        _allocation = d.pop("allocation")
        for allocation_item_data in (_allocation):
            allocation_item = AllocationOut.from_dict(allocation_item_data)



            allocation.append(allocation_item)


        candidates = []
        _candidates = d.pop("candidates")
        for candidates_item_data in (_candidates):
            candidates_item = Candidate.from_dict(candidates_item_data)



            candidates.append(candidates_item)


        demand_id = UUID(d.pop("demand_id"))




        excluded = []
        _excluded = d.pop("excluded")
        for excluded_item_data in (_excluded):
            excluded_item = Excluded.from_dict(excluded_item_data)



            excluded.append(excluded_item)


        status = d.pop("status")

        supply_cost = d.pop("supply_cost")

        unmet_quantity = d.pop("unmet_quantity")

        weights = MatchPreviewWeights.from_dict(d.pop("weights"))




        match_preview = cls(
            allocated_quantity=allocated_quantity,
            allocation=allocation,
            candidates=candidates,
            demand_id=demand_id,
            excluded=excluded,
            status=status,
            supply_cost=supply_cost,
            unmet_quantity=unmet_quantity,
            weights=weights,
        )


        match_preview.additional_properties = d
        return match_preview

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
