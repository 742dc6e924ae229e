from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="PlannedTranche")



@_attrs_define
class PlannedTranche:
    """ 
        Attributes:
            amount (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. Greater than 0. A
                JSON integer within the same digit limit is accepted as well.
            planned_date (datetime.date | None | Unset):
     """

    amount: str
    planned_date: datetime.date | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        planned_date: None | str | Unset
        if isinstance(self.planned_date, Unset):
            planned_date = UNSET
        elif isinstance(self.planned_date, datetime.date):
            planned_date = self.planned_date.isoformat()
        else:
            planned_date = self.planned_date


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount": amount,
        })
        if planned_date is not UNSET:
            field_dict["planned_date"] = planned_date

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        def _parse_planned_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_date_type_0 = datetime.date.fromisoformat(data)



                return planned_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        planned_date = _parse_planned_date(d.pop("planned_date", UNSET))


        planned_tranche = cls(
            amount=amount,
            planned_date=planned_date,
        )

        return planned_tranche

