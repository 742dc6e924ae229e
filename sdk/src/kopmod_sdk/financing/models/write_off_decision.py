from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="WriteOffDecision")



@_attrs_define
class WriteOffDecision:
    """ 
        Attributes:
            approve (bool):
            note (str):
     """

    approve: bool
    note: str





    def to_dict(self) -> dict[str, Any]:
        approve = self.approve

        note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "approve": approve,
            "note": note,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        approve = d.pop("approve")

        note = d.pop("note")

        write_off_decision = cls(
            approve=approve,
            note=note,
        )

        return write_off_decision

