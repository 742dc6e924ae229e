from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.document_kind import DocumentKind
from typing import cast
import datetime






T = TypeVar("T", bound="DocumentRequestCreate")



@_attrs_define
class DocumentRequestCreate:
    """ 
        Attributes:
            due_on (datetime.date): The day the fund needs it by; today or later.
            kind (DocumentKind):
            note (str): What the fund needs and why, said to the applicant (e.g. which months of bank statements).
     """

    due_on: datetime.date
    kind: DocumentKind
    note: str





    def to_dict(self) -> dict[str, Any]:
        due_on = self.due_on.isoformat()

        kind = self.kind.value

        note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "due_on": due_on,
            "kind": kind,
            "note": note,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        due_on = datetime.date.fromisoformat(d.pop("due_on"))




        kind = DocumentKind(d.pop("kind"))




        note = d.pop("note")

        document_request_create = cls(
            due_on=due_on,
            kind=kind,
            note=note,
        )

        return document_request_create

