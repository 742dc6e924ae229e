from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.member_group_kind import MemberGroupKind
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="MemberGroupOut")



@_attrs_define
class MemberGroupOut:
    """ 
        Attributes:
            description (None | str):
            id (UUID):
            kind (MemberGroupKind):
            member_count (int):
            name (str):
            voting_share (str): A percentage: at most 2 decimals, answered with 2; 0 to 100. A JSON integer within the same
                digit limit is accepted as well.
     """

    description: None | str
    id: UUID
    kind: MemberGroupKind
    member_count: int
    name: str
    voting_share: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        description: None | str
        description = self.description

        id = str(self.id)

        kind = self.kind.value

        member_count = self.member_count

        name = self.name

        voting_share = self.voting_share


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "description": description,
            "id": id,
            "kind": kind,
            "member_count": member_count,
            "name": name,
            "voting_share": voting_share,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        id = UUID(d.pop("id"))




        kind = MemberGroupKind(d.pop("kind"))




        member_count = d.pop("member_count")

        name = d.pop("name")

        voting_share = d.pop("voting_share")

        member_group_out = cls(
            description=description,
            id=id,
            kind=kind,
            member_count=member_count,
            name=name,
            voting_share=voting_share,
        )


        member_group_out.additional_properties = d
        return member_group_out

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
