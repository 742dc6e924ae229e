from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="DisbursementCreate")



@_attrs_define
class DisbursementCreate:
    """ 
        Attributes:
            amount (str): This tranche; the total never exceeds approval.
            note (None | str | Unset):
            reference (None | str | Unset):
            value_date (datetime.date | None | Unset): Defaults to the fund's business date; never after it.
     """

    amount: str
    note: None | str | Unset = UNSET
    reference: None | str | Unset = UNSET
    value_date: datetime.date | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        value_date: None | str | Unset
        if isinstance(self.value_date, Unset):
            value_date = UNSET
        elif isinstance(self.value_date, datetime.date):
            value_date = self.value_date.isoformat()
        else:
            value_date = self.value_date


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount": amount,
        })
        if note is not UNSET:
            field_dict["note"] = note
        if reference is not UNSET:
            field_dict["reference"] = reference
        if value_date is not UNSET:
            field_dict["value_date"] = value_date

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))


        def _parse_value_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                value_date_type_0 = datetime.date.fromisoformat(data)



                return value_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        value_date = _parse_value_date(d.pop("value_date", UNSET))


        disbursement_create = cls(
            amount=amount,
            note=note,
            reference=reference,
            value_date=value_date,
        )

        return disbursement_create

