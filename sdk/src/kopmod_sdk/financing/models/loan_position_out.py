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
  from ..models.arrears_out import ArrearsOut





T = TypeVar("T", bound="LoanPositionOut")



@_attrs_define
class LoanPositionOut:
    """ 
        Attributes:
            approved_amount (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            arrears (ArrearsOut):
            business_date (datetime.date):
            cooperative_id (UUID):
            disbursed (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            fee_outstanding (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            fund_id (UUID):
            interest_outstanding (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May
                be negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            interest_paid (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            loan_id (UUID):
            overpayment (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            penalty_outstanding (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May
                be negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            principal_outstanding (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May
                be negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            principal_repaid (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            principal_rescheduled_in (str): Principal this loan opened with from the loan it continues.
            principal_rescheduled_out (str): Principal (with any capitalised arrears) moved to the successor.
            recovered (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            rescheduled_on (datetime.date | None): The day a reschedule closed this loan (its successor continues it).
            settled_on (datetime.date | None):
            status (str):
            written_off_principal (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May
                be negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            rescheduled_from_id (None | Unset | UUID): The loan this one continues (closed by a reschedule).
            rescheduled_to_id (None | Unset | UUID): The loan that continues this one after a reschedule.
     """

    approved_amount: str
    arrears: ArrearsOut
    business_date: datetime.date
    cooperative_id: UUID
    disbursed: str
    fee_outstanding: str
    fund_id: UUID
    interest_outstanding: str
    interest_paid: str
    loan_id: UUID
    overpayment: str
    penalty_outstanding: str
    principal_outstanding: str
    principal_repaid: str
    principal_rescheduled_in: str
    principal_rescheduled_out: str
    recovered: str
    rescheduled_on: datetime.date | None
    settled_on: datetime.date | None
    status: str
    written_off_principal: str
    rescheduled_from_id: None | Unset | UUID = UNSET
    rescheduled_to_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.arrears_out import ArrearsOut # noqa: PLC0415
        approved_amount = self.approved_amount

        arrears = self.arrears.to_dict()

        business_date = self.business_date.isoformat()

        cooperative_id = str(self.cooperative_id)

        disbursed = self.disbursed

        fee_outstanding = self.fee_outstanding

        fund_id = str(self.fund_id)

        interest_outstanding = self.interest_outstanding

        interest_paid = self.interest_paid

        loan_id = str(self.loan_id)

        overpayment = self.overpayment

        penalty_outstanding = self.penalty_outstanding

        principal_outstanding = self.principal_outstanding

        principal_repaid = self.principal_repaid

        principal_rescheduled_in = self.principal_rescheduled_in

        principal_rescheduled_out = self.principal_rescheduled_out

        recovered = self.recovered

        rescheduled_on: None | str
        if isinstance(self.rescheduled_on, datetime.date):
            rescheduled_on = self.rescheduled_on.isoformat()
        else:
            rescheduled_on = self.rescheduled_on

        settled_on: None | str
        if isinstance(self.settled_on, datetime.date):
            settled_on = self.settled_on.isoformat()
        else:
            settled_on = self.settled_on

        status = self.status

        written_off_principal = self.written_off_principal

        rescheduled_from_id: None | str | Unset
        if isinstance(self.rescheduled_from_id, Unset):
            rescheduled_from_id = UNSET
        elif isinstance(self.rescheduled_from_id, UUID):
            rescheduled_from_id = str(self.rescheduled_from_id)
        else:
            rescheduled_from_id = self.rescheduled_from_id

        rescheduled_to_id: None | str | Unset
        if isinstance(self.rescheduled_to_id, Unset):
            rescheduled_to_id = UNSET
        elif isinstance(self.rescheduled_to_id, UUID):
            rescheduled_to_id = str(self.rescheduled_to_id)
        else:
            rescheduled_to_id = self.rescheduled_to_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "approved_amount": approved_amount,
            "arrears": arrears,
            "business_date": business_date,
            "cooperative_id": cooperative_id,
            "disbursed": disbursed,
            "fee_outstanding": fee_outstanding,
            "fund_id": fund_id,
            "interest_outstanding": interest_outstanding,
            "interest_paid": interest_paid,
            "loan_id": loan_id,
            "overpayment": overpayment,
            "penalty_outstanding": penalty_outstanding,
            "principal_outstanding": principal_outstanding,
            "principal_repaid": principal_repaid,
            "principal_rescheduled_in": principal_rescheduled_in,
            "principal_rescheduled_out": principal_rescheduled_out,
            "recovered": recovered,
            "rescheduled_on": rescheduled_on,
            "settled_on": settled_on,
            "status": status,
            "written_off_principal": written_off_principal,
        })
        if rescheduled_from_id is not UNSET:
            field_dict["rescheduled_from_id"] = rescheduled_from_id
        if rescheduled_to_id is not UNSET:
            field_dict["rescheduled_to_id"] = rescheduled_to_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.arrears_out import ArrearsOut # noqa: PLC0415
        d = dict(src_dict)
        approved_amount = d.pop("approved_amount")

        arrears = ArrearsOut.from_dict(d.pop("arrears"))




        business_date = datetime.date.fromisoformat(d.pop("business_date"))




        cooperative_id = UUID(d.pop("cooperative_id"))




        disbursed = d.pop("disbursed")

        fee_outstanding = d.pop("fee_outstanding")

        fund_id = UUID(d.pop("fund_id"))




        interest_outstanding = d.pop("interest_outstanding")

        interest_paid = d.pop("interest_paid")

        loan_id = UUID(d.pop("loan_id"))




        overpayment = d.pop("overpayment")

        penalty_outstanding = d.pop("penalty_outstanding")

        principal_outstanding = d.pop("principal_outstanding")

        principal_repaid = d.pop("principal_repaid")

        principal_rescheduled_in = d.pop("principal_rescheduled_in")

        principal_rescheduled_out = d.pop("principal_rescheduled_out")

        recovered = d.pop("recovered")

        def _parse_rescheduled_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rescheduled_on_type_0 = datetime.date.fromisoformat(data)



                return rescheduled_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        rescheduled_on = _parse_rescheduled_on(d.pop("rescheduled_on"))


        def _parse_settled_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settled_on_type_0 = datetime.date.fromisoformat(data)



                return settled_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        settled_on = _parse_settled_on(d.pop("settled_on"))


        status = d.pop("status")

        written_off_principal = d.pop("written_off_principal")

        def _parse_rescheduled_from_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rescheduled_from_id_type_0 = UUID(data)



                return rescheduled_from_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        rescheduled_from_id = _parse_rescheduled_from_id(d.pop("rescheduled_from_id", UNSET))


        def _parse_rescheduled_to_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rescheduled_to_id_type_0 = UUID(data)



                return rescheduled_to_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        rescheduled_to_id = _parse_rescheduled_to_id(d.pop("rescheduled_to_id", UNSET))


        loan_position_out = cls(
            approved_amount=approved_amount,
            arrears=arrears,
            business_date=business_date,
            cooperative_id=cooperative_id,
            disbursed=disbursed,
            fee_outstanding=fee_outstanding,
            fund_id=fund_id,
            interest_outstanding=interest_outstanding,
            interest_paid=interest_paid,
            loan_id=loan_id,
            overpayment=overpayment,
            penalty_outstanding=penalty_outstanding,
            principal_outstanding=principal_outstanding,
            principal_repaid=principal_repaid,
            principal_rescheduled_in=principal_rescheduled_in,
            principal_rescheduled_out=principal_rescheduled_out,
            recovered=recovered,
            rescheduled_on=rescheduled_on,
            settled_on=settled_on,
            status=status,
            written_off_principal=written_off_principal,
            rescheduled_from_id=rescheduled_from_id,
            rescheduled_to_id=rescheduled_to_id,
        )


        loan_position_out.additional_properties = d
        return loan_position_out

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
