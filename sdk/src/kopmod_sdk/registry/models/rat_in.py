from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.statements_in import StatementsIn





T = TypeVar("T", bound="RatIn")



@_attrs_define
class RatIn:
    """ 
        Attributes:
            attendance (int): Members present.
            held_on (datetime.date): After the year ends (normally within 6 months).
            net_surplus (str): SHU (sisa hasil usaha); negative for a loss.
            year (int): The financial year the RAT closes.
            financials (None | StatementsIn | Unset):
            members_total (int | None | Unset):
            note (None | str | Unset):
     """

    attendance: int
    held_on: datetime.date
    net_surplus: str
    year: int
    financials: None | StatementsIn | Unset = UNSET
    members_total: int | None | Unset = UNSET
    note: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.statements_in import StatementsIn # noqa: PLC0415
        attendance = self.attendance

        held_on = self.held_on.isoformat()

        net_surplus = self.net_surplus

        year = self.year

        financials: dict[str, Any] | None | Unset
        if isinstance(self.financials, Unset):
            financials = UNSET
        elif isinstance(self.financials, StatementsIn):
            financials = self.financials.to_dict()
        else:
            financials = self.financials

        members_total: int | None | Unset
        if isinstance(self.members_total, Unset):
            members_total = UNSET
        else:
            members_total = self.members_total

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "attendance": attendance,
            "held_on": held_on,
            "net_surplus": net_surplus,
            "year": year,
        })
        if financials is not UNSET:
            field_dict["financials"] = financials
        if members_total is not UNSET:
            field_dict["members_total"] = members_total
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.statements_in import StatementsIn # noqa: PLC0415
        d = dict(src_dict)
        attendance = d.pop("attendance")

        held_on = datetime.date.fromisoformat(d.pop("held_on"))




        net_surplus = d.pop("net_surplus")

        year = d.pop("year")

        def _parse_financials(data: object) -> None | StatementsIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                financials_type_0 = StatementsIn.from_dict(data)



                return financials_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StatementsIn | Unset, data)

        financials = _parse_financials(d.pop("financials", UNSET))


        def _parse_members_total(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        members_total = _parse_members_total(d.pop("members_total", UNSET))


        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        rat_in = cls(
            attendance=attendance,
            held_on=held_on,
            net_surplus=net_surplus,
            year=year,
            financials=financials,
            members_total=members_total,
            note=note,
        )

        return rat_in

