from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.statements_out import StatementsOut





T = TypeVar("T", bound="RatOut")



@_attrs_define
class RatOut:
    """ 
        Attributes:
            attendance (int):
            cooperative_id (UUID):
            created_at (datetime.datetime):
            financials (None | StatementsOut):
            held_on (datetime.date):
            id (UUID):
            members_total (int | None):
            net_surplus (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            note (None | str):
            recorded_by (None | str):
            year (int):
     """

    attendance: int
    cooperative_id: UUID
    created_at: datetime.datetime
    financials: None | StatementsOut
    held_on: datetime.date
    id: UUID
    members_total: int | None
    net_surplus: str
    note: None | str
    recorded_by: None | str
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.statements_out import StatementsOut # noqa: PLC0415
        attendance = self.attendance

        cooperative_id = str(self.cooperative_id)

        created_at = self.created_at.isoformat()

        financials: dict[str, Any] | None
        if isinstance(self.financials, StatementsOut):
            financials = self.financials.to_dict()
        else:
            financials = self.financials

        held_on = self.held_on.isoformat()

        id = str(self.id)

        members_total: int | None
        members_total = self.members_total

        net_surplus = self.net_surplus

        note: None | str
        note = self.note

        recorded_by: None | str
        recorded_by = self.recorded_by

        year = self.year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attendance": attendance,
            "cooperative_id": cooperative_id,
            "created_at": created_at,
            "financials": financials,
            "held_on": held_on,
            "id": id,
            "members_total": members_total,
            "net_surplus": net_surplus,
            "note": note,
            "recorded_by": recorded_by,
            "year": year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.statements_out import StatementsOut # noqa: PLC0415
        d = dict(src_dict)
        attendance = d.pop("attendance")

        cooperative_id = UUID(d.pop("cooperative_id"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_financials(data: object) -> None | StatementsOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                financials_type_0 = StatementsOut.from_dict(data)



                return financials_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StatementsOut, data)

        financials = _parse_financials(d.pop("financials"))


        held_on = datetime.date.fromisoformat(d.pop("held_on"))




        id = UUID(d.pop("id"))




        def _parse_members_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        members_total = _parse_members_total(d.pop("members_total"))


        net_surplus = d.pop("net_surplus")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        def _parse_recorded_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recorded_by = _parse_recorded_by(d.pop("recorded_by"))


        year = d.pop("year")

        rat_out = cls(
            attendance=attendance,
            cooperative_id=cooperative_id,
            created_at=created_at,
            financials=financials,
            held_on=held_on,
            id=id,
            members_total=members_total,
            net_surplus=net_surplus,
            note=note,
            recorded_by=recorded_by,
            year=year,
        )


        rat_out.additional_properties = d
        return rat_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
