from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.member_group_in import MemberGroupIn





T = TypeVar("T", bound="MemberGroupsIn")



@_attrs_define
class MemberGroupsIn:
    """ 
        Attributes:
            groups (list[MemberGroupIn]):
     """

    groups: list[MemberGroupIn]





    def to_dict(self) -> dict[str, Any]:
        from ..models.member_group_in import MemberGroupIn # noqa: PLC0415
        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "groups": groups,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member_group_in import MemberGroupIn # noqa: PLC0415
        d = dict(src_dict)
        groups = []
        _groups = d.pop("groups")
        for groups_item_data in (_groups):
            groups_item = MemberGroupIn.from_dict(groups_item_data)



            groups.append(groups_item)


        member_groups_in = cls(
            groups=groups,
        )

        return member_groups_in

