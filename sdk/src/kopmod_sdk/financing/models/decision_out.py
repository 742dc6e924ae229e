from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="DecisionOut")



@_attrs_define
class DecisionOut:
    """ 
        Attributes:
            application_id (UUID):
            conditions (list[str]):
            decided_at (datetime.datetime):
            decided_by (str):
            id (UUID):
            outcome (str): `approved`, `declined` or `sent_back`.
            reason (str):
     """

    application_id: UUID
    conditions: list[str]
    decided_at: datetime.datetime
    decided_by: str
    id: UUID
    outcome: str
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        application_id = str(self.application_id)

        conditions = self.conditions



        decided_at = self.decided_at.isoformat()

        decided_by = self.decided_by

        id = str(self.id)

        outcome = self.outcome

        reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "application_id": application_id,
            "conditions": conditions,
            "decided_at": decided_at,
            "decided_by": decided_by,
            "id": id,
            "outcome": outcome,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application_id = UUID(d.pop("application_id"))




        conditions = cast(list[str], d.pop("conditions"))


        decided_at = datetime.datetime.fromisoformat(d.pop("decided_at"))




        decided_by = d.pop("decided_by")

        id = UUID(d.pop("id"))




        outcome = d.pop("outcome")

        reason = d.pop("reason")

        decision_out = cls(
            application_id=application_id,
            conditions=conditions,
            decided_at=decided_at,
            decided_by=decided_by,
            id=id,
            outcome=outcome,
            reason=reason,
        )


        decision_out.additional_properties = d
        return decision_out

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
