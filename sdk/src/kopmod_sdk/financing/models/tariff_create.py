from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="TariffCreate")



@_attrs_define
class TariffCreate:
    """ 
        Attributes:
            annual_rate (str): A rate as a fraction (0.03 is 3% a year): at most 8 decimals, answered with 8; 0 to 10. A
                JSON integer within the same digit limit is accepted as well.
            effective_from (datetime.date):
            note (None | str | Unset):
     """

    annual_rate: str
    effective_from: datetime.date
    note: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        annual_rate = self.annual_rate

        effective_from = self.effective_from.isoformat()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "annual_rate": annual_rate,
            "effective_from": effective_from,
        })
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        annual_rate = d.pop("annual_rate")

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))




        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        tariff_create = cls(
            annual_rate=annual_rate,
            effective_from=effective_from,
            note=note,
        )

        return tariff_create

