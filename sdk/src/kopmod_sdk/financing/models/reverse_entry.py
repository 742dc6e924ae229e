from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ReverseEntry")



@_attrs_define
class ReverseEntry:
    """ 
        Attributes:
            entry_date (datetime.date):
            memo (str):
     """

    entry_date: datetime.date
    memo: str





    def to_dict(self) -> dict[str, Any]:
        entry_date = self.entry_date.isoformat()

        memo = self.memo


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "entry_date": entry_date,
            "memo": memo,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        entry_date = datetime.date.fromisoformat(d.pop("entry_date"))




        memo = d.pop("memo")

        reverse_entry = cls(
            entry_date=entry_date,
            memo=memo,
        )

        return reverse_entry

