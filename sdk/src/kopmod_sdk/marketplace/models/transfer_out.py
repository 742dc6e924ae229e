from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.restructuring_kind import RestructuringKind
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="TransferOut")



@_attrs_define
class TransferOut:
    """ One offer, proposal or contract moved from a predecessor to its successor.

        Attributes:
            at (datetime.datetime):
            entity (str):
            entity_id (UUID):
            event_id (UUID):
            from_cooperative_id (UUID):
            id (UUID):
            kind (RestructuringKind):
            restructuring_id (UUID):
            to_cooperative_id (UUID):
     """

    at: datetime.datetime
    entity: str
    entity_id: UUID
    event_id: UUID
    from_cooperative_id: UUID
    id: UUID
    kind: RestructuringKind
    restructuring_id: UUID
    to_cooperative_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        entity = self.entity

        entity_id = str(self.entity_id)

        event_id = str(self.event_id)

        from_cooperative_id = str(self.from_cooperative_id)

        id = str(self.id)

        kind = self.kind.value

        restructuring_id = str(self.restructuring_id)

        to_cooperative_id = str(self.to_cooperative_id)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "at": at,
            "entity": entity,
            "entity_id": entity_id,
            "event_id": event_id,
            "from_cooperative_id": from_cooperative_id,
            "id": id,
            "kind": kind,
            "restructuring_id": restructuring_id,
            "to_cooperative_id": to_cooperative_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))




        entity = d.pop("entity")

        entity_id = UUID(d.pop("entity_id"))




        event_id = UUID(d.pop("event_id"))




        from_cooperative_id = UUID(d.pop("from_cooperative_id"))




        id = UUID(d.pop("id"))




        kind = RestructuringKind(d.pop("kind"))




        restructuring_id = UUID(d.pop("restructuring_id"))




        to_cooperative_id = UUID(d.pop("to_cooperative_id"))




        transfer_out = cls(
            at=at,
            entity=entity,
            entity_id=entity_id,
            event_id=event_id,
            from_cooperative_id=from_cooperative_id,
            id=id,
            kind=kind,
            restructuring_id=restructuring_id,
            to_cooperative_id=to_cooperative_id,
        )


        transfer_out.additional_properties = d
        return transfer_out

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
