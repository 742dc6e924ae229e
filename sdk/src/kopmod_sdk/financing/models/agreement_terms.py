from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.agreement_terms_tranche_plan_item import AgreementTermsTranchePlanItem
  from ..models.terms_installment import TermsInstallment
  from ..models.terms_party import TermsParty
  from ..models.terms_product import TermsProduct





T = TypeVar("T", bound="AgreementTerms")



@_attrs_define
class AgreementTerms:
    """ Everything the parties agree to. Its canonical JSON (keys sorted, no spaces, UTF-8) is
    what the SHA-256 printed on the akad covers. The schedule is computed from the approval
    date; due dates follow the disbursement date once the money is paid out.

        Attributes:
            amount (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            annual_rate (str): Rate the schedule uses.
            application_id (UUID):
            approved_on (datetime.date):
            conditions (list[str]):
            cooperative (TermsParty):
            frequency (str):
            fund (TermsParty):
            grace_periods (int):
            method (str):
            product (TermsProduct):
            purpose (str):
            schedule (list[TermsInstallment]):
            tariff_rate (str): Tariff in force on the approval date (a year).
            tenor_periods (int):
            total_interest (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            total_principal (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            tranche_plan (list[AgreementTermsTranchePlanItem]):
            version (int | Unset):  Default: 1.
     """

    amount: str
    annual_rate: str
    application_id: UUID
    approved_on: datetime.date
    conditions: list[str]
    cooperative: TermsParty
    frequency: str
    fund: TermsParty
    grace_periods: int
    method: str
    product: TermsProduct
    purpose: str
    schedule: list[TermsInstallment]
    tariff_rate: str
    tenor_periods: int
    total_interest: str
    total_principal: str
    tranche_plan: list[AgreementTermsTranchePlanItem]
    version: int | Unset = 1





    def to_dict(self) -> dict[str, Any]:
        from ..models.agreement_terms_tranche_plan_item import AgreementTermsTranchePlanItem # noqa: PLC0415
        from ..models.terms_installment import TermsInstallment # noqa: PLC0415
        from ..models.terms_party import TermsParty # noqa: PLC0415
        from ..models.terms_product import TermsProduct # noqa: PLC0415
        amount = self.amount

        annual_rate = self.annual_rate

        application_id = str(self.application_id)

        approved_on = self.approved_on.isoformat()

        conditions = self.conditions



        cooperative = self.cooperative.to_dict()

        frequency = self.frequency

        fund = self.fund.to_dict()

        grace_periods = self.grace_periods

        method = self.method

        product = self.product.to_dict()

        purpose = self.purpose

        schedule = []
        for schedule_item_data in self.schedule:
            schedule_item = schedule_item_data.to_dict()
            schedule.append(schedule_item)



        tariff_rate = self.tariff_rate

        tenor_periods = self.tenor_periods

        total_interest = self.total_interest

        total_principal = self.total_principal

        tranche_plan = []
        for tranche_plan_item_data in self.tranche_plan:
            tranche_plan_item = tranche_plan_item_data.to_dict()
            tranche_plan.append(tranche_plan_item)



        version = self.version


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount": amount,
            "annual_rate": annual_rate,
            "application_id": application_id,
            "approved_on": approved_on,
            "conditions": conditions,
            "cooperative": cooperative,
            "frequency": frequency,
            "fund": fund,
            "grace_periods": grace_periods,
            "method": method,
            "product": product,
            "purpose": purpose,
            "schedule": schedule,
            "tariff_rate": tariff_rate,
            "tenor_periods": tenor_periods,
            "total_interest": total_interest,
            "total_principal": total_principal,
            "tranche_plan": tranche_plan,
        })
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agreement_terms_tranche_plan_item import AgreementTermsTranchePlanItem # noqa: PLC0415
        from ..models.terms_installment import TermsInstallment # noqa: PLC0415
        from ..models.terms_party import TermsParty # noqa: PLC0415
        from ..models.terms_product import TermsProduct # noqa: PLC0415
        d = dict(src_dict)
        amount = d.pop("amount")

        annual_rate = d.pop("annual_rate")

        application_id = UUID(d.pop("application_id"))




        approved_on = datetime.date.fromisoformat(d.pop("approved_on"))




        conditions = cast(list[str], d.pop("conditions"))


        cooperative = TermsParty.from_dict(d.pop("cooperative"))




        frequency = d.pop("frequency")

        fund = TermsParty.from_dict(d.pop("fund"))




        grace_periods = d.pop("grace_periods")

        method = d.pop("method")

        product = TermsProduct.from_dict(d.pop("product"))




        purpose = d.pop("purpose")

        schedule = []
        _schedule = d.pop("schedule")
        for schedule_item_data in (_schedule):
            schedule_item = TermsInstallment.from_dict(schedule_item_data)



            schedule.append(schedule_item)


        tariff_rate = d.pop("tariff_rate")

        tenor_periods = d.pop("tenor_periods")

        total_interest = d.pop("total_interest")

        total_principal = d.pop("total_principal")

        tranche_plan = []
        _tranche_plan = d.pop("tranche_plan")
        for tranche_plan_item_data in (_tranche_plan):
            tranche_plan_item = AgreementTermsTranchePlanItem.from_dict(tranche_plan_item_data)



            tranche_plan.append(tranche_plan_item)


        version = d.pop("version", UNSET)

        agreement_terms = cls(
            amount=amount,
            annual_rate=annual_rate,
            application_id=application_id,
            approved_on=approved_on,
            conditions=conditions,
            cooperative=cooperative,
            frequency=frequency,
            fund=fund,
            grace_periods=grace_periods,
            method=method,
            product=product,
            purpose=purpose,
            schedule=schedule,
            tariff_rate=tariff_rate,
            tenor_periods=tenor_periods,
            total_interest=total_interest,
            total_principal=total_principal,
            tranche_plan=tranche_plan,
            version=version,
        )

        return agreement_terms

