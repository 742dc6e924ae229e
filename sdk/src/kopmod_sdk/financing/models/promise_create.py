from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="PromiseCreate")



@_attrs_define
class PromiseCreate:
    """ 
        Attributes:
            amount (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. Greater than 0. A
                JSON integer within the same digit limit is accepted as well.
            promised_on (datetime.date): On or after the fund's business date.
            note (None | str | Unset):
     """

    amount: str
    promised_on: datetime.date
    note: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        promised_on = self.promised_on.isoformat()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount": amount,
            "promised_on": promised_on,
        })
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        promised_on = datetime.date.fromisoformat(d.pop("promised_on"))




        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        promise_create = cls(
            amount=amount,
            promised_on=promised_on,
            note=note,
        )

        return promise_create

