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
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.eligibility_rules import EligibilityRules





T = TypeVar("T", bound="ProductOut")



@_attrs_define
class ProductOut:
    """ 
        Attributes:
            active (bool): true: the product takes new applications. false: retired (fund committee, `/deactivate`): new
                drafts and submissions on it are refused with 409 `product-retired`; applications already submitted and loans on
                it carry on as before. `/activate` reopens it.
            akad (Akad | None):
            allocation_order (list[AllocationPart]):
            amount_max (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            amount_min (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            arrears_tolerance_days (int):
            closed_loop_share (None | str): Share of an accepted delivery's value applied as a repayment; null: off.
            code (str):
            created_at (datetime.datetime):
            current_rate (None | str): Tariff in force today.
            eligibility (EligibilityRules):
            frequency (Frequency):
            fund_id (UUID):
            grace_max_periods (int):
            id (UUID):
            max_tranches (int):
            method (InterestMethod):
            name (str):
            pattern (Pattern):
            penalty_rate (None | str):
            profit_share_ratio (None | str):
            purpose (Purpose):
            rounding (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            tenor_max_periods (int):
     """

    active: bool
    akad: Akad | None
    allocation_order: list[AllocationPart]
    amount_max: str
    amount_min: str
    arrears_tolerance_days: int
    closed_loop_share: None | str
    code: str
    created_at: datetime.datetime
    current_rate: None | str
    eligibility: EligibilityRules
    frequency: Frequency
    fund_id: UUID
    grace_max_periods: int
    id: UUID
    max_tranches: int
    method: InterestMethod
    name: str
    pattern: Pattern
    penalty_rate: None | str
    profit_share_ratio: None | str
    purpose: Purpose
    rounding: str
    tenor_max_periods: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.eligibility_rules import EligibilityRules # noqa: PLC0415
        active = self.active

        akad: None | str
        if isinstance(self.akad, Akad):
            akad = self.akad.value
        else:
            akad = self.akad

        allocation_order = []
        for allocation_order_item_data in self.allocation_order:
            allocation_order_item = allocation_order_item_data.value
            allocation_order.append(allocation_order_item)



        amount_max = self.amount_max

        amount_min = self.amount_min

        arrears_tolerance_days = self.arrears_tolerance_days

        closed_loop_share: None | str
        closed_loop_share = self.closed_loop_share

        code = self.code

        created_at = self.created_at.isoformat()

        current_rate: None | str
        current_rate = self.current_rate

        eligibility = self.eligibility.to_dict()

        frequency = self.frequency.value

        fund_id = str(self.fund_id)

        grace_max_periods = self.grace_max_periods

        id = str(self.id)

        max_tranches = self.max_tranches

        method = self.method.value

        name = self.name

        pattern = self.pattern.value

        penalty_rate: None | str
        penalty_rate = self.penalty_rate

        profit_share_ratio: None | str
        profit_share_ratio = self.profit_share_ratio

        purpose = self.purpose.value

        rounding = self.rounding

        tenor_max_periods = self.tenor_max_periods


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active": active,
            "akad": akad,
            "allocation_order": allocation_order,
            "amount_max": amount_max,
            "amount_min": amount_min,
            "arrears_tolerance_days": arrears_tolerance_days,
            "closed_loop_share": closed_loop_share,
            "code": code,
            "created_at": created_at,
            "current_rate": current_rate,
            "eligibility": eligibility,
            "frequency": frequency,
            "fund_id": fund_id,
            "grace_max_periods": grace_max_periods,
            "id": id,
            "max_tranches": max_tranches,
            "method": method,
            "name": name,
            "pattern": pattern,
            "penalty_rate": penalty_rate,
            "profit_share_ratio": profit_share_ratio,
            "purpose": purpose,
            "rounding": rounding,
            "tenor_max_periods": tenor_max_periods,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.eligibility_rules import EligibilityRules # noqa: PLC0415
        d = dict(src_dict)
        active = d.pop("active")

        def _parse_akad(data: object) -> Akad | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                akad_type_0 = Akad(data)



                return akad_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Akad | None, data)

        akad = _parse_akad(d.pop("akad"))


        allocation_order = []
        _allocation_order = d.pop("allocation_order")
        for allocation_order_item_data in (_allocation_order):
            allocation_order_item = AllocationPart(allocation_order_item_data)



            allocation_order.append(allocation_order_item)


        amount_max = d.pop("amount_max")

        amount_min = d.pop("amount_min")

        arrears_tolerance_days = d.pop("arrears_tolerance_days")

        def _parse_closed_loop_share(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        closed_loop_share = _parse_closed_loop_share(d.pop("closed_loop_share"))


        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_current_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        current_rate = _parse_current_rate(d.pop("current_rate"))


        eligibility = EligibilityRules.from_dict(d.pop("eligibility"))




        frequency = Frequency(d.pop("frequency"))




        fund_id = UUID(d.pop("fund_id"))




        grace_max_periods = d.pop("grace_max_periods")

        id = UUID(d.pop("id"))




        max_tranches = d.pop("max_tranches")

        method = InterestMethod(d.pop("method"))




        name = d.pop("name")

        pattern = Pattern(d.pop("pattern"))




        def _parse_penalty_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        penalty_rate = _parse_penalty_rate(d.pop("penalty_rate"))


        def _parse_profit_share_ratio(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        profit_share_ratio = _parse_profit_share_ratio(d.pop("profit_share_ratio"))


        purpose = Purpose(d.pop("purpose"))




        rounding = d.pop("rounding")

        tenor_max_periods = d.pop("tenor_max_periods")

        product_out = cls(
            active=active,
            akad=akad,
            allocation_order=allocation_order,
            amount_max=amount_max,
            amount_min=amount_min,
            arrears_tolerance_days=arrears_tolerance_days,
            closed_loop_share=closed_loop_share,
            code=code,
            created_at=created_at,
            current_rate=current_rate,
            eligibility=eligibility,
            frequency=frequency,
            fund_id=fund_id,
            grace_max_periods=grace_max_periods,
            id=id,
            max_tranches=max_tranches,
            method=method,
            name=name,
            pattern=pattern,
            penalty_rate=penalty_rate,
            profit_share_ratio=profit_share_ratio,
            purpose=purpose,
            rounding=rounding,
            tenor_max_periods=tenor_max_periods,
        )


        product_out.additional_properties = d
        return product_out

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
