from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.frequency import Frequency
from ..models.interest_method import InterestMethod
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="CalculationIn")



@_attrs_define
class CalculationIn:
    """ 
        Attributes:
            annual_rate (str): A fraction a year: `"0.12"` is 12% a year.
            principal (str): Amount disbursed on `start_date`.
            start_date (datetime.date): Disbursement date, 2000-01-01 to 2099-12-31.
            tenor_periods (int): Every period, grace included.
            first_due_date (datetime.date | None | Unset): First due date, after `start_date` and within a year of it;
                default one period after `start_date`. A first period shorter or longer than a period is charged by its days.
            frequency (Frequency | Unset):
            grace_periods (int | Unset): Principal-free periods at the start (interest is due); below the tenor. Default: 0.
            method (InterestMethod | Unset):
            rounding (str | Unset): Unit the installment (equal installments) or the principal part (flat, equal principal)
                is rounded to: `1` = whole rupiah, `0.01` = cents. Default: '0.01'.
     """

    annual_rate: str
    principal: str
    start_date: datetime.date
    tenor_periods: int
    first_due_date: datetime.date | None | Unset = UNSET
    frequency: Frequency | Unset = UNSET
    grace_periods: int | Unset = 0
    method: InterestMethod | Unset = UNSET
    rounding: str | Unset = '0.01'





    def to_dict(self) -> dict[str, Any]:
        annual_rate = self.annual_rate

        principal = self.principal

        start_date = self.start_date.isoformat()

        tenor_periods = self.tenor_periods

        first_due_date: None | str | Unset
        if isinstance(self.first_due_date, Unset):
            first_due_date = UNSET
        elif isinstance(self.first_due_date, datetime.date):
            first_due_date = self.first_due_date.isoformat()
        else:
            first_due_date = self.first_due_date

        frequency: str | Unset = UNSET
        if not isinstance(self.frequency, Unset):
            frequency = self.frequency.value


        grace_periods = self.grace_periods

        method: str | Unset = UNSET
        if not isinstance(self.method, Unset):
            method = self.method.value


        rounding = self.rounding


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "annual_rate": annual_rate,
            "principal": principal,
            "start_date": start_date,
            "tenor_periods": tenor_periods,
        })
        if first_due_date is not UNSET:
            field_dict["first_due_date"] = first_due_date
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if grace_periods is not UNSET:
            field_dict["grace_periods"] = grace_periods
        if method is not UNSET:
            field_dict["method"] = method
        if rounding is not UNSET:
            field_dict["rounding"] = rounding

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        annual_rate = d.pop("annual_rate")

        principal = d.pop("principal")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))




        tenor_periods = d.pop("tenor_periods")

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


        _frequency = d.pop("frequency", UNSET)
        frequency: Frequency | Unset
        if isinstance(_frequency,  Unset):
            frequency = UNSET
        else:
            frequency = Frequency(_frequency)




        grace_periods = d.pop("grace_periods", UNSET)

        _method = d.pop("method", UNSET)
        method: InterestMethod | Unset
        if isinstance(_method,  Unset):
            method = UNSET
        else:
            method = InterestMethod(_method)




        rounding = d.pop("rounding", UNSET)

        calculation_in = cls(
            annual_rate=annual_rate,
            principal=principal,
            start_date=start_date,
            tenor_periods=tenor_periods,
            first_due_date=first_due_date,
            frequency=frequency,
            grace_periods=grace_periods,
            method=method,
            rounding=rounding,
        )

        return calculation_in

