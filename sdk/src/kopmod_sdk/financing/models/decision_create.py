from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.outcome import Outcome
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="DecisionCreate")



@_attrs_define
class DecisionCreate:
    """ 
        Attributes:
            outcome (Outcome):
            reason (str): The committee's minute.
            amount (None | str | Unset): Approve only; default: requested.
            conditions (list[str] | Unset): Conditions of an approval, printed on the akad (approve only).
            grace_periods (int | None | Unset):
            tenor_periods (int | None | Unset):
     """

    outcome: Outcome
    reason: str
    amount: None | str | Unset = UNSET
    conditions: list[str] | Unset = UNSET
    grace_periods: int | None | Unset = UNSET
    tenor_periods: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome.value

        reason = self.reason

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        conditions: list[str] | Unset = UNSET
        if not isinstance(self.conditions, Unset):
            conditions = self.conditions



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
            "outcome": outcome,
            "reason": reason,
        })
        if amount is not UNSET:
            field_dict["amount"] = amount
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if grace_periods is not UNSET:
            field_dict["grace_periods"] = grace_periods
        if tenor_periods is not UNSET:
            field_dict["tenor_periods"] = tenor_periods

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = Outcome(d.pop("outcome"))




        reason = d.pop("reason")

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))


        conditions = cast(list[str], d.pop("conditions", UNSET))


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


        decision_create = cls(
            outcome=outcome,
            reason=reason,
            amount=amount,
            conditions=conditions,
            grace_periods=grace_periods,
            tenor_periods=tenor_periods,
        )

        return decision_create

