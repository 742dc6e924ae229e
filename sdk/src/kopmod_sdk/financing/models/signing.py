from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="Signing")



@_attrs_define
class Signing:
    """ 
        Attributes:
            first_due_date (datetime.date | None | Unset): Fixes the repayment calendar; else one period after each
                disbursement date.
            note (None | str | Unset):
            terms_hash (None | str | Unset): The hash printed on the akad being signed (`GET .../agreement`): when given,
                signing is refused with 409 `terms-changed` unless it is the terms' on record.
     """

    first_due_date: datetime.date | None | Unset = UNSET
    note: None | str | Unset = UNSET
    terms_hash: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        first_due_date: None | str | Unset
        if isinstance(self.first_due_date, Unset):
            first_due_date = UNSET
        elif isinstance(self.first_due_date, datetime.date):
            first_due_date = self.first_due_date.isoformat()
        else:
            first_due_date = self.first_due_date

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        terms_hash: None | str | Unset
        if isinstance(self.terms_hash, Unset):
            terms_hash = UNSET
        else:
            terms_hash = self.terms_hash


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if first_due_date is not UNSET:
            field_dict["first_due_date"] = first_due_date
        if note is not UNSET:
            field_dict["note"] = note
        if terms_hash is not UNSET:
            field_dict["terms_hash"] = terms_hash

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_first_due_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_due_date_type_0 = datetime.date.fromisoformat(data)



                return first_due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        first_due_date = _parse_first_due_date(d.pop("first_due_date", UNSET))


        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        def _parse_terms_hash(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        terms_hash = _parse_terms_hash(d.pop("terms_hash", UNSET))


        signing = cls(
            first_due_date=first_due_date,
            note=note,
            terms_hash=terms_hash,
        )

        return signing

