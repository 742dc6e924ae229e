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





T = TypeVar("T", bound="ReplayOut")



@_attrs_define
class ReplayOut:
    """ 
        Attributes:
            allocations (list[AllocationOut]):
            identical (bool): Same allocations and objective as recorded.
            objective (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            recorded_objective (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            run_id (UUID):
     """

    allocations: list[AllocationOut]
    identical: bool
    objective: str
    recorded_objective: str
    run_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.allocation_out import AllocationOut # noqa: PLC0415
        allocations = []
        for allocations_item_data in self.allocations:
            allocations_item = allocations_item_data.to_dict()
            allocations.append(allocations_item)



        identical = self.identical

        objective = self.objective

        recorded_objective = self.recorded_objective

        run_id = str(self.run_id)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "allocations": allocations,
            "identical": identical,
            "objective": objective,
            "recorded_objective": recorded_objective,
            "run_id": run_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.allocation_out import AllocationOut # noqa: PLC0415
        d = dict(src_dict)
        allocations = []
        _allocations = d.pop("allocations")
        for allocations_item_data in (_allocations):
            allocations_item = AllocationOut.from_dict(allocations_item_data)



            allocations.append(allocations_item)


        identical = d.pop("identical")

        objective = d.pop("objective")

        recorded_objective = d.pop("recorded_objective")

        run_id = UUID(d.pop("run_id"))




        replay_out = cls(
            allocations=allocations,
            identical=identical,
            objective=objective,
            recorded_objective=recorded_objective,
            run_id=run_id,
        )


        replay_out.additional_properties = d
        return replay_out

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
