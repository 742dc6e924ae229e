from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.cooperative_summary import CooperativeSummary
  from ..models.lineage_link import LineageLink





T = TypeVar("T", bound="Lineage")



@_attrs_define
class Lineage:
    """ Where a cooperative came from and where it went, through every recorded restructuring.

        Attributes:
            cooperative (CooperativeSummary):
            predecessors (list[LineageLink]):
            successors (list[LineageLink]):
     """

    cooperative: CooperativeSummary
    predecessors: list[LineageLink]
    successors: list[LineageLink]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cooperative_summary import CooperativeSummary # noqa: PLC0415
        from ..models.lineage_link import LineageLink # noqa: PLC0415
        cooperative = self.cooperative.to_dict()

        predecessors = []
        for predecessors_item_data in self.predecessors:
            predecessors_item = predecessors_item_data.to_dict()
            predecessors.append(predecessors_item)



        successors = []
        for successors_item_data in self.successors:
            successors_item = successors_item_data.to_dict()
            successors.append(successors_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cooperative": cooperative,
            "predecessors": predecessors,
            "successors": successors,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cooperative_summary import CooperativeSummary # noqa: PLC0415
        from ..models.lineage_link import LineageLink # noqa: PLC0415
        d = dict(src_dict)
        cooperative = CooperativeSummary.from_dict(d.pop("cooperative"))




        predecessors = []
        _predecessors = d.pop("predecessors")
        for predecessors_item_data in (_predecessors):
            predecessors_item = LineageLink.from_dict(predecessors_item_data)



            predecessors.append(predecessors_item)


        successors = []
        _successors = d.pop("successors")
        for successors_item_data in (_successors):
            successors_item = LineageLink.from_dict(successors_item_data)



            successors.append(successors_item)


        lineage = cls(
            cooperative=cooperative,
            predecessors=predecessors,
            successors=successors,
        )


        lineage.additional_properties = d
        return lineage

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
