from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="RepaymentCreate")



@_attrs_define
class RepaymentCreate:
    """ 
        Attributes:
            amount (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. Greater than 0. A
                JSON integer within the same digit limit is accepted as well.
            external_reference (str): The paying partner's own id for this payment (bank transfer id, marketplace delivery
                id). The same reference twice on a loan is the same payment.
            value_date (datetime.date | None | Unset): When the money was paid; defaults to the business date. Earlier dates
                (backdated payments) are replayed in date order; never before the first disbursement nor after the business
                date.
     """

    amount: str
    external_reference: str
    value_date: datetime.date | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        external_reference = self.external_reference

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
            "external_reference": external_reference,
        })
        if value_date is not UNSET:
            field_dict["value_date"] = value_date

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        external_reference = d.pop("external_reference")

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


        repayment_create = cls(
            amount=amount,
            external_reference=external_reference,
            value_date=value_date,
        )

        return repayment_create

