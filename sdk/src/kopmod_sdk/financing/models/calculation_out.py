from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.frequency import Frequency
from ..models.interest_method import InterestMethod
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.installment_out import InstallmentOut





T = TypeVar("T", bound="CalculationOut")



@_attrs_define
class CalculationOut:
    """ 
        Attributes:
            annual_rate (str): A rate as a fraction (0.03 is 3% a year): at most 8 decimals, answered with 8; 0 to 10. A
                JSON integer within the same digit limit is accepted as well.
            frequency (Frequency):
            grace_periods (int):
            installments (list[InstallmentOut]):
            method (InterestMethod):
            periodic_rate (str): The rate each period bears: `annual_rate` / periods a year (12, 4 or 2).
            principal (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            rounding (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            start_date (datetime.date):
            tenor_periods (int):
            total_interest (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            total_payable (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            total_principal (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
     """

    annual_rate: str
    frequency: Frequency
    grace_periods: int
    installments: list[InstallmentOut]
    method: InterestMethod
    periodic_rate: str
    principal: str
    rounding: str
    start_date: datetime.date
    tenor_periods: int
    total_interest: str
    total_payable: str
    total_principal: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.installment_out import InstallmentOut # noqa: PLC0415
        annual_rate = self.annual_rate

        frequency = self.frequency.value

        grace_periods = self.grace_periods

        installments = []
        for installments_item_data in self.installments:
            installments_item = installments_item_data.to_dict()
            installments.append(installments_item)



        method = self.method.value

        periodic_rate = self.periodic_rate

        principal = self.principal

        rounding = self.rounding

        start_date = self.start_date.isoformat()

        tenor_periods = self.tenor_periods

        total_interest = self.total_interest

        total_payable = self.total_payable

        total_principal = self.total_principal


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "annual_rate": annual_rate,
            "frequency": frequency,
            "grace_periods": grace_periods,
            "installments": installments,
            "method": method,
            "periodic_rate": periodic_rate,
            "principal": principal,
            "rounding": rounding,
            "start_date": start_date,
            "tenor_periods": tenor_periods,
            "total_interest": total_interest,
            "total_payable": total_payable,
            "total_principal": total_principal,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.installment_out import InstallmentOut # noqa: PLC0415
        d = dict(src_dict)
        annual_rate = d.pop("annual_rate")

        frequency = Frequency(d.pop("frequency"))




        grace_periods = d.pop("grace_periods")

        installments = []
        _installments = d.pop("installments")
        for installments_item_data in (_installments):
            installments_item = InstallmentOut.from_dict(installments_item_data)



            installments.append(installments_item)


        method = InterestMethod(d.pop("method"))




        periodic_rate = d.pop("periodic_rate")

        principal = d.pop("principal")

        rounding = d.pop("rounding")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))




        tenor_periods = d.pop("tenor_periods")

        total_interest = d.pop("total_interest")

        total_payable = d.pop("total_payable")

        total_principal = d.pop("total_principal")

        calculation_out = cls(
            annual_rate=annual_rate,
            frequency=frequency,
            grace_periods=grace_periods,
            installments=installments,
            method=method,
            periodic_rate=periodic_rate,
            principal=principal,
            rounding=rounding,
            start_date=start_date,
            tenor_periods=tenor_periods,
            total_interest=total_interest,
            total_payable=total_payable,
            total_principal=total_principal,
        )


        calculation_out.additional_properties = d
        return calculation_out

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
