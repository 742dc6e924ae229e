from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Approval")



@_attrs_define
class Approval:
    """ 
        Attributes:
            reason (str): Why: the committee's minute.
            amount (None | str | Unset): Approved amount; at most the requested one (default: it).
            grace_periods (int | None | Unset):
            tenor_periods (int | None | Unset):
     """

    reason: str
    amount: None | str | Unset = UNSET
    grace_periods: int | None | Unset = UNSET
    tenor_periods: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        grace_periods: int | None | Unset
        if isinstance(self.grace_periods, Unset):
            grace_periods = UNSET
        else:
            grace_periods = self.grace_periods

        tenor_periods: int | None | Unset
        if isinstance(self.tenor_periods, Unset):
            tenor_periods = UNSET
        else:
            tenor_periods = self.tenor_periods


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "reason": reason,
        })
        if amount is not UNSET:
            field_dict["amount"] = amount
        if grace_periods is not UNSET:
            field_dict["grace_periods"] = grace_periods
        if tenor_periods is not UNSET:
            field_dict["tenor_periods"] = tenor_periods

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))


        def _parse_grace_periods(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        grace_periods = _parse_grace_periods(d.pop("grace_periods", UNSET))


        def _parse_tenor_periods(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        tenor_periods = _parse_tenor_periods(d.pop("tenor_periods", UNSET))


        approval = cls(
            reason=reason,
            amount=amount,
            grace_periods=grace_periods,
            tenor_periods=tenor_periods,
        )

        return approval

