from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="LoanOut")



@_attrs_define
class LoanOut:
    """ 
        Attributes:
            akad (None | str):
            allocation_order (list[str]):
            annual_rate (str): A rate as a fraction (0.03 is 3% a year): at most 8 decimals, answered with 8; 0 to 10. A
                JSON integer within the same digit limit is accepted as well.
            application_id (UUID):
            approved_amount (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            arrears_tolerance_days (int):
            cooperative_id (UUID):
            first_due_date (datetime.date | None):
            frequency (str):
            fund_id (UUID):
            grace_periods (int):
            id (UUID):
            max_tranches (int):
            method (str):
            pattern (str):
            penalty_rate (None | str):
            product_id (UUID):
            province_code (str):
            rounding (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            signed_at (datetime.datetime):
            signed_by (str):
            status (str):
            tenor_periods (int):
     """

    akad: None | str
    allocation_order: list[str]
    annual_rate: str
    application_id: UUID
    approved_amount: str
    arrears_tolerance_days: int
    cooperative_id: UUID
    first_due_date: datetime.date | None
    frequency: str
    fund_id: UUID
    grace_periods: int
    id: UUID
    max_tranches: int
    method: str
    pattern: str
    penalty_rate: None | str
    product_id: UUID
    province_code: str
    rounding: str
    signed_at: datetime.datetime
    signed_by: str
    status: str
    tenor_periods: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        akad: None | str
        akad = self.akad

        allocation_order = self.allocation_order



        annual_rate = self.annual_rate

        application_id = str(self.application_id)

        approved_amount = self.approved_amount

        arrears_tolerance_days = self.arrears_tolerance_days

        cooperative_id = str(self.cooperative_id)

        first_due_date: None | str
        if isinstance(self.first_due_date, datetime.date):
            first_due_date = self.first_due_date.isoformat()
        else:
            first_due_date = self.first_due_date

        frequency = self.frequency

        fund_id = str(self.fund_id)

        grace_periods = self.grace_periods

        id = str(self.id)

        max_tranches = self.max_tranches

        method = self.method

        pattern = self.pattern

        penalty_rate: None | str
        penalty_rate = self.penalty_rate

        product_id = str(self.product_id)

        province_code = self.province_code

        rounding = self.rounding

        signed_at = self.signed_at.isoformat()

        signed_by = self.signed_by

        status = self.status

        tenor_periods = self.tenor_periods


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "akad": akad,
            "allocation_order": allocation_order,
            "annual_rate": annual_rate,
            "application_id": application_id,
            "approved_amount": approved_amount,
            "arrears_tolerance_days": arrears_tolerance_days,
            "cooperative_id": cooperative_id,
            "first_due_date": first_due_date,
            "frequency": frequency,
            "fund_id": fund_id,
            "grace_periods": grace_periods,
            "id": id,
            "max_tranches": max_tranches,
            "method": method,
            "pattern": pattern,
            "penalty_rate": penalty_rate,
            "product_id": product_id,
            "province_code": province_code,
            "rounding": rounding,
            "signed_at": signed_at,
            "signed_by": signed_by,
            "status": status,
            "tenor_periods": tenor_periods,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_akad(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        akad = _parse_akad(d.pop("akad"))


        allocation_order = cast(list[str], d.pop("allocation_order"))


        annual_rate = d.pop("annual_rate")

        application_id = UUID(d.pop("application_id"))




        approved_amount = d.pop("approved_amount")

        arrears_tolerance_days = d.pop("arrears_tolerance_days")

        cooperative_id = UUID(d.pop("cooperative_id"))




        def _parse_first_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_due_date_type_0 = datetime.date.fromisoformat(data)



                return first_due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        first_due_date = _parse_first_due_date(d.pop("first_due_date"))


        frequency = d.pop("frequency")

        fund_id = UUID(d.pop("fund_id"))




        grace_periods = d.pop("grace_periods")

        id = UUID(d.pop("id"))




        max_tranches = d.pop("max_tranches")

        method = d.pop("method")

        pattern = d.pop("pattern")

        def _parse_penalty_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        penalty_rate = _parse_penalty_rate(d.pop("penalty_rate"))


        product_id = UUID(d.pop("product_id"))




        province_code = d.pop("province_code")

        rounding = d.pop("rounding")

        signed_at = datetime.datetime.fromisoformat(d.pop("signed_at"))




        signed_by = d.pop("signed_by")

        status = d.pop("status")

        tenor_periods = d.pop("tenor_periods")

        loan_out = cls(
            akad=akad,
            allocation_order=allocation_order,
            annual_rate=annual_rate,
            application_id=application_id,
            approved_amount=approved_amount,
            arrears_tolerance_days=arrears_tolerance_days,
            cooperative_id=cooperative_id,
            first_due_date=first_due_date,
            frequency=frequency,
            fund_id=fund_id,
            grace_periods=grace_periods,
            id=id,
            max_tranches=max_tranches,
            method=method,
            pattern=pattern,
            penalty_rate=penalty_rate,
            product_id=product_id,
            province_code=province_code,
            rounding=rounding,
            signed_at=signed_at,
            signed_by=signed_by,
            status=status,
            tenor_periods=tenor_periods,
        )


        loan_out.additional_properties = d
        return loan_out

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
