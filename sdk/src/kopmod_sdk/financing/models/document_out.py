from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.document_kind import DocumentKind
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="DocumentOut")



@_attrs_define
class DocumentOut:
    """ 
        Attributes:
            application_id (UUID):
            checksum_sha256 (str):
            content_type (str):
            file_name (str):
            id (UUID):
            kind (DocumentKind):
            size_bytes (int):
            uploaded_at (datetime.datetime):
            uploaded_by (str):
     """

    application_id: UUID
    checksum_sha256: str
    content_type: str
    file_name: str
    id: UUID
    kind: DocumentKind
    size_bytes: int
    uploaded_at: datetime.datetime
    uploaded_by: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        application_id = str(self.application_id)

        checksum_sha256 = self.checksum_sha256

        content_type = self.content_type

        file_name = self.file_name

        id = str(self.id)

        kind = self.kind.value

        size_bytes = self.size_bytes

        uploaded_at = self.uploaded_at.isoformat()

        uploaded_by = self.uploaded_by


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "application_id": application_id,
            "checksum_sha256": checksum_sha256,
            "content_type": content_type,
            "file_name": file_name,
            "id": id,
            "kind": kind,
            "size_bytes": size_bytes,
            "uploaded_at": uploaded_at,
            "uploaded_by": uploaded_by,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application_id = UUID(d.pop("application_id"))




        checksum_sha256 = d.pop("checksum_sha256")

        content_type = d.pop("content_type")

        file_name = d.pop("file_name")

        id = UUID(d.pop("id"))




        kind = DocumentKind(d.pop("kind"))




        size_bytes = d.pop("size_bytes")

        uploaded_at = datetime.datetime.fromisoformat(d.pop("uploaded_at"))




        uploaded_by = d.pop("uploaded_by")

        document_out = cls(
            application_id=application_id,
            checksum_sha256=checksum_sha256,
            content_type=content_type,
            file_name=file_name,
            id=id,
            kind=kind,
            size_bytes=size_bytes,
            uploaded_at=uploaded_at,
            uploaded_by=uploaded_by,
        )


        document_out.additional_properties = d
        return document_out

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
