from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="NplMonthOut")



@_attrs_define
class NplMonthOut:
    """ 
        Attributes:
            as_of (datetime.date): The month's last day, or the business date this month.
            class_1 (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            class_2 (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            class_3 (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            class_4 (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            class_5 (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            loans (int): Loans with principal outstanding then.
            month (str):
            non_performing (str): Principal of OJK classes 3-5.
            npl_ratio (str): Non-performing over outstanding, 4 places.
            outstanding (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            closed (bool | Unset): False for a past month whose last day end of day has not closed: nothing was recorded for
                it, so its zeros mean no data (not no loans). The business date's month is always true. Default: True.
     """

    as_of: datetime.date
    class_1: str
    class_2: str
    class_3: str
    class_4: str
    class_5: str
    loans: int
    month: str
    non_performing: str
    npl_ratio: str
    outstanding: str
    closed: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        class_1 = self.class_1

        class_2 = self.class_2

        class_3 = self.class_3

        class_4 = self.class_4

        class_5 = self.class_5

        loans = self.loans

        month = self.month

        non_performing = self.non_performing

        npl_ratio = self.npl_ratio

        outstanding = self.outstanding

        closed = self.closed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "class_1": class_1,
            "class_2": class_2,
            "class_3": class_3,
            "class_4": class_4,
            "class_5": class_5,
            "loans": loans,
            "month": month,
            "non_performing": non_performing,
            "npl_ratio": npl_ratio,
            "outstanding": outstanding,
        })
        if closed is not UNSET:
            field_dict["closed"] = closed

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        class_1 = d.pop("class_1")

        class_2 = d.pop("class_2")

        class_3 = d.pop("class_3")

        class_4 = d.pop("class_4")

        class_5 = d.pop("class_5")

        loans = d.pop("loans")

        month = d.pop("month")

        non_performing = d.pop("non_performing")

        npl_ratio = d.pop("npl_ratio")

        outstanding = d.pop("outstanding")

        closed = d.pop("closed", UNSET)

        npl_month_out = cls(
            as_of=as_of,
            class_1=class_1,
            class_2=class_2,
            class_3=class_3,
            class_4=class_4,
            class_5=class_5,
            loans=loans,
            month=month,
            non_performing=non_performing,
            npl_ratio=npl_ratio,
            outstanding=outstanding,
            closed=closed,
        )


        npl_month_out.additional_properties = d
        return npl_month_out

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
