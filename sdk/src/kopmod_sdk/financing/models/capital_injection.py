from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="CapitalInjection")



@_attrs_define
class CapitalInjection:
    """ 
        Attributes:
            amount (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. Greater than 0. A
                JSON integer within the same digit limit is accepted as well.
            entry_date (datetime.date):
            memo (str):
            reference (None | str | Unset):
     """

    amount: str
    entry_date: datetime.date
    memo: str
    reference: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        entry_date = self.entry_date.isoformat()

        memo = self.memo

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount": amount,
            "entry_date": entry_date,
            "memo": memo,
        })
        if reference is not UNSET:
            field_dict["reference"] = reference

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        entry_date = datetime.date.fromisoformat(d.pop("entry_date"))




        memo = d.pop("memo")

        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))


        capital_injection = cls(
            amount=amount,
            entry_date=entry_date,
            memo=memo,
            reference=reference,
        )

        return capital_injection

