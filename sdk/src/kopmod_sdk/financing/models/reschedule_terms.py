from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="RescheduleTerms")



@_attrs_define
class RescheduleTerms:
    """ 
        Attributes:
            tenor_periods (int): Periods of the new schedule.
            capitalise_arrears (bool | Unset): Add interest accrued to the business date and unpaid charges to the new
                principal (they are earned on the closed loan); otherwise the successor loan opens with them still owed, each on
                its original due date, ahead of the new schedule. Default: False.
            grace_periods (int | Unset): Principal-free periods. Default: 0.
     """

    tenor_periods: int
    capitalise_arrears: bool | Unset = False
    grace_periods: int | Unset = 0





    def to_dict(self) -> dict[str, Any]:
        tenor_periods = self.tenor_periods

        capitalise_arrears = self.capitalise_arrears

        grace_periods = self.grace_periods


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "tenor_periods": tenor_periods,
        })
        if capitalise_arrears is not UNSET:
            field_dict["capitalise_arrears"] = capitalise_arrears
        if grace_periods is not UNSET:
            field_dict["grace_periods"] = grace_periods

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tenor_periods = d.pop("tenor_periods")

        capitalise_arrears = d.pop("capitalise_arrears", UNSET)

        grace_periods = d.pop("grace_periods", UNSET)

        reschedule_terms = cls(
            tenor_periods=tenor_periods,
            capitalise_arrears=capitalise_arrears,
            grace_periods=grace_periods,
        )

        return reschedule_terms

