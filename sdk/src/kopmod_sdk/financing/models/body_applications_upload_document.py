from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field
import json
from .. import types

from ..types import UNSET, Unset

from ..models.document_kind import DocumentKind






T = TypeVar("T", bound="BodyApplicationsUploadDocument")



@_attrs_define
class BodyApplicationsUploadDocument:
    """ 
        Attributes:
            checksum_sha256 (str):
            file (str):
            kind (DocumentKind):
     """

    checksum_sha256: str
    file: str
    kind: DocumentKind
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        checksum_sha256 = self.checksum_sha256

        file = self.file

        kind = self.kind.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "checksum_sha256": checksum_sha256,
            "file": file,
            "kind": kind,
        })

        return field_dict


    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("checksum_sha256", (None, str(self.checksum_sha256).encode(), "text/plain")))



        files.append(("file", (None, str(self.file).encode(), "text/plain")))



        files.append(("kind",  (None, str(self.kind.value).encode(), "text/plain")))




        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))



        return files


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        checksum_sha256 = d.pop("checksum_sha256")

        file = d.pop("file")

        kind = DocumentKind(d.pop("kind"))




        body_applications_upload_document = cls(
            checksum_sha256=checksum_sha256,
            file=file,
            kind=kind,
        )


        body_applications_upload_document.additional_properties = d
        return body_applications_upload_document

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
