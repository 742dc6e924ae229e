from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="FeeCreate")



@_attrs_define
class FeeCreate:
    """ 
        Attributes:
            amount (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. Greater than 0. A
                JSON integer within the same digit limit is accepted as well.
            external_reference (str): Your own id for this charge. The same reference twice on a loan is the same charge.
            kind (str): What the fee is for, e.g. `administration`, `collection`, `legal`.
            reason (str):
            value_date (datetime.date | None | Unset): When the fee is owed from; defaults to the business date. Never after
                it nor before the first disbursement; an earlier date replays the loan in date order.
     """

    amount: str
    external_reference: str
    kind: str
    reason: str
    value_date: datetime.date | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        external_reference = self.external_reference

        kind = self.kind

        reason = self.reason

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
            "kind": kind,
            "reason": reason,
        })
        if value_date is not UNSET:
            field_dict["value_date"] = value_date

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        external_reference = d.pop("external_reference")

        kind = d.pop("kind")

        reason = d.pop("reason")

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


        fee_create = cls(
            amount=amount,
            external_reference=external_reference,
            kind=kind,
            reason=reason,
            value_date=value_date,
        )

        return fee_create

