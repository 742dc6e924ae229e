from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="AccessOut")



@_attrs_define
class AccessOut:
    """ 
        Attributes:
            action (str):
            actor (str):
            actor_client (None | str):
            actor_role (str):
            at (datetime.datetime):
     """

    action: str
    actor: str
    actor_client: None | str
    actor_role: str
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        action = self.action

        actor = self.actor

        actor_client: None | str
        actor_client = self.actor_client

        actor_role = self.actor_role

        at = self.at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action": action,
            "actor": actor,
            "actor_client": actor_client,
            "actor_role": actor_role,
            "at": at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        actor = d.pop("actor")

        def _parse_actor_client(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_client = _parse_actor_client(d.pop("actor_client"))


        actor_role = d.pop("actor_role")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        access_out = cls(
            action=action,
            actor=actor,
            actor_client=actor_client,
            actor_role=actor_role,
            at=at,
        )


        access_out.additional_properties = d
        return access_out

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
