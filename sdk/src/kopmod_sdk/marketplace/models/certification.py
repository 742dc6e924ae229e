from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.certification_scheme import CertificationScheme
from typing import cast
import datetime






T = TypeVar("T", bound="Certification")



@_attrs_define
class Certification:
    """ 
        Attributes:
            issuer (str):
            number (str):
            scheme (CertificationScheme):
            valid_from (datetime.date):
            valid_to (datetime.date):
     """

    issuer: str
    number: str
    scheme: CertificationScheme
    valid_from: datetime.date
    valid_to: datetime.date





    def to_dict(self) -> dict[str, Any]:
        issuer = self.issuer

        number = self.number

        scheme = self.scheme.value

        valid_from = self.valid_from.isoformat()

        valid_to = self.valid_to.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "issuer": issuer,
            "number": number,
            "scheme": scheme,
            "valid_from": valid_from,
            "valid_to": valid_to,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        issuer = d.pop("issuer")

        number = d.pop("number")

        scheme = CertificationScheme(d.pop("scheme"))




        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))




        valid_to = datetime.date.fromisoformat(d.pop("valid_to"))




        certification = cls(
            issuer=issuer,
            number=number,
            scheme=scheme,
            valid_from=valid_from,
            valid_to=valid_to,
        )

        return certification

