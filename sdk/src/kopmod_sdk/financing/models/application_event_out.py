from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ApplicationEventOut")



@_attrs_define
class ApplicationEventOut:
    """ 
        Attributes:
            action (str):
            actor (str):
            actor_role (str):
            at (datetime.datetime):
            from_status (None | str):
            note (None | str):
            to_status (str):
     """

    action: str
    actor: str
    actor_role: str
    at: datetime.datetime
    from_status: None | str
    note: None | str
    to_status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        action = self.action

        actor = self.actor

        actor_role = self.actor_role

        at = self.at.isoformat()

        from_status: None | str
        from_status = self.from_status

        note: None | str
        note = self.note

        to_status = self.to_status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action": action,
            "actor": actor,
            "actor_role": actor_role,
            "at": at,
            "from_status": from_status,
            "note": note,
            "to_status": to_status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        actor = d.pop("actor")

        actor_role = d.pop("actor_role")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        def _parse_from_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        from_status = _parse_from_status(d.pop("from_status"))


        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        to_status = d.pop("to_status")

        application_event_out = cls(
            action=action,
            actor=actor,
            actor_role=actor_role,
            at=at,
            from_status=from_status,
            note=note,
            to_status=to_status,
        )


        application_event_out.additional_properties = d
        return application_event_out

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
