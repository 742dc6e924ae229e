from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.member_group_kind import MemberGroupKind
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="MemberGroupIn")



@_attrs_define
class MemberGroupIn:
    """ 
        Attributes:
            kind (MemberGroupKind):
            member_count (int):
            name (str):
            voting_share (str): Percent of the plenary vote; the shares of all groups add up to 100.
            description (None | str | Unset):
     """

    kind: MemberGroupKind
    member_count: int
    name: str
    voting_share: str
    description: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        member_count = self.member_count

        name = self.name

        voting_share = self.voting_share

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "member_count": member_count,
            "name": name,
            "voting_share": voting_share,
        })
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = MemberGroupKind(d.pop("kind"))




        member_count = d.pop("member_count")

        name = d.pop("name")

        voting_share = d.pop("voting_share")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        member_group_in = cls(
            kind=kind,
            member_count=member_count,
            name=name,
            voting_share=voting_share,
            description=description,
        )

        return member_group_in

