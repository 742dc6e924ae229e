from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.akad import Akad
from ..models.allocation_part import AllocationPart
from ..models.frequency import Frequency
from ..models.interest_method import InterestMethod
from ..models.pattern import Pattern
from ..models.purpose import Purpose
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.eligibility_rules import EligibilityRules





T = TypeVar("T", bound="ProductCreate")



@_attrs_define
class ProductCreate:
    """ 
        Attributes:
            amount_max (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. Greater than
                0. A JSON integer within the same digit limit is accepted as well.
            amount_min (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. Greater than
                0. A JSON integer within the same digit limit is accepted as well.
            code (str):
            fund_id (UUID):
            initial_rate (str): Rate of the first tariff, a fraction a year.
            name (str):
            purpose (Purpose):
            rate_effective_from (datetime.date): When the first tariff starts.
            tenor_max_periods (int):
            akad (Akad | None | Unset): Syariah contract; null if conventional.
            allocation_order (list[AllocationPart] | Unset):
            arrears_tolerance_days (int | Unset):  Default: 0.
            closed_loop_share (None | str | Unset): Closed loop: when a delivery under an offtake contract the loan's
                application references is accepted, this share of its value is applied as a repayment on the loan (the delivery
                id is the payment's reference). Null: off.
            eligibility (EligibilityRules | Unset):
            frequency (Frequency | Unset):
            grace_max_periods (int | Unset):  Default: 0.
            max_tranches (int | Unset):  Default: 1.
            method (InterestMethod | Unset):
            pattern (Pattern | Unset):
            penalty_rate (None | str | Unset): A year, on overdue amounts.
            profit_share_ratio (None | str | Unset): Mudharabah/musyarakah: the fund's share (nisbah) of the projected
                return.
            rounding (str | Unset): Unit the installment (or principal part) is rounded to; 1 = whole rupiah. Default:
                '1.00'.
     """

    amount_max: str
    amount_min: str
    code: str
    fund_id: UUID
    initial_rate: str
    name: str
    purpose: Purpose
    rate_effective_from: datetime.date
    tenor_max_periods: int
    akad: Akad | None | Unset = UNSET
    allocation_order: list[AllocationPart] | Unset = UNSET
    arrears_tolerance_days: int | Unset = 0
    closed_loop_share: None | str | Unset = UNSET
    eligibility: EligibilityRules | Unset = UNSET
    frequency: Frequency | Unset = UNSET
    grace_max_periods: int | Unset = 0
    max_tranches: int | Unset = 1
    method: InterestMethod | Unset = UNSET
    pattern: Pattern | Unset = UNSET
    penalty_rate: None | str | Unset = UNSET
    profit_share_ratio: None | str | Unset = UNSET
    rounding: str | Unset = '1.00'





    def to_dict(self) -> dict[str, Any]:
        from ..models.eligibility_rules import EligibilityRules # noqa: PLC0415
        amount_max = self.amount_max

        amount_min = self.amount_min

        code = self.code

        fund_id = str(self.fund_id)

        initial_rate = self.initial_rate

        name = self.name

        purpose = self.purpose.value

        rate_effective_from = self.rate_effective_from.isoformat()

        tenor_max_periods = self.tenor_max_periods

        akad: None | str | Unset
        if isinstance(self.akad, Unset):
            akad = UNSET
        elif isinstance(self.akad, Akad):
            akad = self.akad.value
        else:
            akad = self.akad

        allocation_order: list[str] | Unset = UNSET
        if not isinstance(self.allocation_order, Unset):
            allocation_order = []
            for allocation_order_item_data in self.allocation_order:
                allocation_order_item = allocation_order_item_data.value
                allocation_order.append(allocation_order_item)



        arrears_tolerance_days = self.arrears_tolerance_days

        closed_loop_share: None | str | Unset
        if isinstance(self.closed_loop_share, Unset):
            closed_loop_share = UNSET
        else:
            closed_loop_share = self.closed_loop_share

        eligibility: dict[str, Any] | Unset = UNSET
        if not isinstance(self.eligibility, Unset):
            eligibility = self.eligibility.to_dict()

        frequency: str | Unset = UNSET
        if not isinstance(self.frequency, Unset):
            frequency = self.frequency.value


        grace_max_periods = self.grace_max_periods

        max_tranches = self.max_tranches

        method: str | Unset = UNSET
        if not isinstance(self.method, Unset):
            method = self.method.value


        pattern: str | Unset = UNSET
        if not isinstance(self.pattern, Unset):
            pattern = self.pattern.value


        penalty_rate: None | str | Unset
        if isinstance(self.penalty_rate, Unset):
            penalty_rate = UNSET
        else:
            penalty_rate = self.penalty_rate

        profit_share_ratio: None | str | Unset
        if isinstance(self.profit_share_ratio, Unset):
            profit_share_ratio = UNSET
        else:
            profit_share_ratio = self.profit_share_ratio

        rounding = self.rounding


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount_max": amount_max,
            "amount_min": amount_min,
            "code": code,
            "fund_id": fund_id,
            "initial_rate": initial_rate,
            "name": name,
            "purpose": purpose,
            "rate_effective_from": rate_effective_from,
            "tenor_max_periods": tenor_max_periods,
        })
        if akad is not UNSET:
            field_dict["akad"] = akad
        if allocation_order is not UNSET:
            field_dict["allocation_order"] = allocation_order
        if arrears_tolerance_days is not UNSET:
            field_dict["arrears_tolerance_days"] = arrears_tolerance_days
        if closed_loop_share is not UNSET:
            field_dict["closed_loop_share"] = closed_loop_share
        if eligibility is not UNSET:
            field_dict["eligibility"] = eligibility
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if grace_max_periods is not UNSET:
            field_dict["grace_max_periods"] = grace_max_periods
        if max_tranches is not UNSET:
            field_dict["max_tranches"] = max_tranches
        if method is not UNSET:
            field_dict["method"] = method
        if pattern is not UNSET:
            field_dict["pattern"] = pattern
        if penalty_rate is not UNSET:
            field_dict["penalty_rate"] = penalty_rate
        if profit_share_ratio is not UNSET:
            field_dict["profit_share_ratio"] = profit_share_ratio
        if rounding is not UNSET:
            field_dict["rounding"] = rounding

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.eligibility_rules import EligibilityRules # noqa: PLC0415
        d = dict(src_dict)
        amount_max = d.pop("amount_max")

        amount_min = d.pop("amount_min")

        code = d.pop("code")

        fund_id = UUID(d.pop("fund_id"))




        initial_rate = d.pop("initial_rate")

        name = d.pop("name")

        purpose = Purpose(d.pop("purpose"))




        rate_effective_from = datetime.date.fromisoformat(d.pop("rate_effective_from"))




        tenor_max_periods = d.pop("tenor_max_periods")

        def _parse_akad(data: object) -> Akad | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                akad_type_0 = Akad(data)



                return akad_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Akad | None | Unset, data)

        akad = _parse_akad(d.pop("akad", UNSET))


        _allocation_order = d.pop("allocation_order", UNSET)
        allocation_order: list[AllocationPart] | Unset = UNSET
        if _allocation_order is not UNSET:
            allocation_order = []
            for allocation_order_item_data in _allocation_order:
                allocation_order_item = AllocationPart(allocation_order_item_data)



                allocation_order.append(allocation_order_item)


        arrears_tolerance_days = d.pop("arrears_tolerance_days", UNSET)

        def _parse_closed_loop_share(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        closed_loop_share = _parse_closed_loop_share(d.pop("closed_loop_share", UNSET))


        _eligibility = d.pop("eligibility", UNSET)
        eligibility: EligibilityRules | Unset
        if isinstance(_eligibility,  Unset):
            eligibility = UNSET
        else:
            eligibility = EligibilityRules.from_dict(_eligibility)




        _frequency = d.pop("frequency", UNSET)
        frequency: Frequency | Unset
        if isinstance(_frequency,  Unset):
            frequency = UNSET
        else:
            frequency = Frequency(_frequency)




        grace_max_periods = d.pop("grace_max_periods", UNSET)

        max_tranches = d.pop("max_tranches", UNSET)

        _method = d.pop("method", UNSET)
        method: InterestMethod | Unset
        if isinstance(_method,  Unset):
            method = UNSET
        else:
            method = InterestMethod(_method)




        _pattern = d.pop("pattern", UNSET)
        pattern: Pattern | Unset
        if isinstance(_pattern,  Unset):
            pattern = UNSET
        else:
            pattern = Pattern(_pattern)




        def _parse_penalty_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        penalty_rate = _parse_penalty_rate(d.pop("penalty_rate", UNSET))


        def _parse_profit_share_ratio(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        profit_share_ratio = _parse_profit_share_ratio(d.pop("profit_share_ratio", UNSET))


        rounding = d.pop("rounding", UNSET)

        product_create = cls(
            amount_max=amount_max,
            amount_min=amount_min,
            code=code,
            fund_id=fund_id,
            initial_rate=initial_rate,
            name=name,
            purpose=purpose,
            rate_effective_from=rate_effective_from,
            tenor_max_periods=tenor_max_periods,
            akad=akad,
            allocation_order=allocation_order,
            arrears_tolerance_days=arrears_tolerance_days,
            closed_loop_share=closed_loop_share,
            eligibility=eligibility,
            frequency=frequency,
            grace_max_periods=grace_max_periods,
            max_tranches=max_tranches,
            method=method,
            pattern=pattern,
            penalty_rate=penalty_rate,
            profit_share_ratio=profit_share_ratio,
            rounding=rounding,
        )

        return product_create

