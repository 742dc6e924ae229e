from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.document_kind import DocumentKind
from ..models.request_status import RequestStatus
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="DocumentRequestOut")



@_attrs_define
class DocumentRequestOut:
    """ 
        Attributes:
            application_id (UUID):
            cooperative_id (UUID): The applicant (the application's cooperative).
            due_on (datetime.date):
            id (UUID):
            kind (DocumentKind):
            note (str):
            requested_at (datetime.datetime):
            requested_by (str):
            status (RequestStatus):
            fulfilled_at (datetime.datetime | None | Unset):
            fulfilled_by_document_id (None | Unset | UUID): The document whose upload fulfilled the request.
     """

    application_id: UUID
    cooperative_id: UUID
    due_on: datetime.date
    id: UUID
    kind: DocumentKind
    note: str
    requested_at: datetime.datetime
    requested_by: str
    status: RequestStatus
    fulfilled_at: datetime.datetime | None | Unset = UNSET
    fulfilled_by_document_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        application_id = str(self.application_id)

        cooperative_id = str(self.cooperative_id)

        due_on = self.due_on.isoformat()

        id = str(self.id)

        kind = self.kind.value

        note = self.note

        requested_at = self.requested_at.isoformat()

        requested_by = self.requested_by

        status = self.status.value

        fulfilled_at: None | str | Unset
        if isinstance(self.fulfilled_at, Unset):
            fulfilled_at = UNSET
        elif isinstance(self.fulfilled_at, datetime.datetime):
            fulfilled_at = self.fulfilled_at.isoformat()
        else:
            fulfilled_at = self.fulfilled_at

        fulfilled_by_document_id: None | str | Unset
        if isinstance(self.fulfilled_by_document_id, Unset):
            fulfilled_by_document_id = UNSET
        elif isinstance(self.fulfilled_by_document_id, UUID):
            fulfilled_by_document_id = str(self.fulfilled_by_document_id)
        else:
            fulfilled_by_document_id = self.fulfilled_by_document_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "application_id": application_id,
            "cooperative_id": cooperative_id,
            "due_on": due_on,
            "id": id,
            "kind": kind,
            "note": note,
            "requested_at": requested_at,
            "requested_by": requested_by,
            "status": status,
        })
        if fulfilled_at is not UNSET:
            field_dict["fulfilled_at"] = fulfilled_at
        if fulfilled_by_document_id is not UNSET:
            field_dict["fulfilled_by_document_id"] = fulfilled_by_document_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application_id = UUID(d.pop("application_id"))




        cooperative_id = UUID(d.pop("cooperative_id"))




        due_on = datetime.date.fromisoformat(d.pop("due_on"))




        id = UUID(d.pop("id"))




        kind = DocumentKind(d.pop("kind"))




        note = d.pop("note")

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))




        requested_by = d.pop("requested_by")

        status = RequestStatus(d.pop("status"))




        def _parse_fulfilled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                fulfilled_at_type_0 = datetime.datetime.fromisoformat(data)



                return fulfilled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        fulfilled_at = _parse_fulfilled_at(d.pop("fulfilled_at", UNSET))


        def _parse_fulfilled_by_document_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                fulfilled_by_document_id_type_0 = UUID(data)



                return fulfilled_by_document_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        fulfilled_by_document_id = _parse_fulfilled_by_document_id(d.pop("fulfilled_by_document_id", UNSET))


        document_request_out = cls(
            application_id=application_id,
            cooperative_id=cooperative_id,
            due_on=due_on,
            id=id,
            kind=kind,
            note=note,
            requested_at=requested_at,
            requested_by=requested_by,
            status=status,
            fulfilled_at=fulfilled_at,
            fulfilled_by_document_id=fulfilled_by_document_id,
        )


        document_request_out.additional_properties = d
        return document_request_out

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
