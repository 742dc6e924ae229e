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
  from ..models.month_out import MonthOut





T = TypeVar("T", bound="ForecastOut")



@_attrs_define
class ForecastOut:
    """ 
        Attributes:
            as_of (datetime.date):
            cash_now (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            fund_id (UUID):
            months (list[MonthOut]):
            overdue (MonthOut):
     """

    as_of: datetime.date
    cash_now: str
    fund_id: UUID
    months: list[MonthOut]
    overdue: MonthOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.month_out import MonthOut # noqa: PLC0415
        as_of = self.as_of.isoformat()

        cash_now = self.cash_now

        fund_id = str(self.fund_id)

        months = []
        for months_item_data in self.months:
            months_item = months_item_data.to_dict()
            months.append(months_item)



        overdue = self.overdue.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "cash_now": cash_now,
            "fund_id": fund_id,
            "months": months,
            "overdue": overdue,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.month_out import MonthOut # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        cash_now = d.pop("cash_now")

        fund_id = UUID(d.pop("fund_id"))




        months = []
        _months = d.pop("months")
        for months_item_data in (_months):
            months_item = MonthOut.from_dict(months_item_data)



            months.append(months_item)


        overdue = MonthOut.from_dict(d.pop("overdue"))




        forecast_out = cls(
            as_of=as_of,
            cash_now=cash_now,
            fund_id=fund_id,
            months=months,
            overdue=overdue,
        )


        forecast_out.additional_properties = d
        return forecast_out

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
