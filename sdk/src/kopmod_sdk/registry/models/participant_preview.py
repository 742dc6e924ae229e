from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.cooperative_status import CooperativeStatus
from typing import cast

if TYPE_CHECKING:
  from ..models.cooperative_summary import CooperativeSummary





T = TypeVar("T", bound="ParticipantPreview")



@_attrs_define
class ParticipantPreview:
    """ 
        Attributes:
            cooperative (CooperativeSummary):
            role (str): predecessor, successor or parent.
            status_after (CooperativeStatus):
     """

    cooperative: CooperativeSummary
    role: str
    status_after: CooperativeStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cooperative_summary import CooperativeSummary # noqa: PLC0415
        cooperative = self.cooperative.to_dict()

        role = self.role

        status_after = self.status_after.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cooperative": cooperative,
            "role": role,
            "status_after": status_after,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cooperative_summary import CooperativeSummary # noqa: PLC0415
        d = dict(src_dict)
        cooperative = CooperativeSummary.from_dict(d.pop("cooperative"))




        role = d.pop("role")

        status_after = CooperativeStatus(d.pop("status_after"))




        participant_preview = cls(
            cooperative=cooperative,
            role=role,
            status_after=status_after,
        )


        participant_preview.additional_properties = d
        return participant_preview

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
