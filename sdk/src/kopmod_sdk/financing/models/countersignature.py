from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Countersignature")



@_attrs_define
class Countersignature:
    """ 
        Attributes:
            terms_hash (str): The hash printed on the akad being signed: it must be the signed terms'.
     """

    terms_hash: str





    def to_dict(self) -> dict[str, Any]:
        terms_hash = self.terms_hash


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "terms_hash": terms_hash,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        terms_hash = d.pop("terms_hash")

        countersignature = cls(
            terms_hash=terms_hash,
        )

        return countersignature

