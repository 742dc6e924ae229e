from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.schedule_row_out_status import ScheduleRowOutStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ScheduleRowOut")



@_attrs_define
class ScheduleRowOut:
    """ 
        Attributes:
            due_date (datetime.date):
            fee (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative where
                a rule allows. A JSON integer within the same digit limit is accepted as well.
            fee_paid (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            interest (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            interest_paid (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            interest_waived (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            number (int):
            paid_on (datetime.date | None):
            penalty (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            penalty_paid (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            principal (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            principal_paid (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            status (ScheduleRowOutStatus):
            unpaid (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            opening_arrears (bool | Unset): What the loan this one continues still owed on this due date when it was
                rescheduled (no principal; paid before the new schedule). Default: False.
     """

    due_date: datetime.date
    fee: str
    fee_paid: str
    interest: str
    interest_paid: str
    interest_waived: str
    number: int
    paid_on: datetime.date | None
    penalty: str
    penalty_paid: str
    principal: str
    principal_paid: str
    status: ScheduleRowOutStatus
    unpaid: str
    opening_arrears: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        due_date = self.due_date.isoformat()

        fee = self.fee

        fee_paid = self.fee_paid

        interest = self.interest

        interest_paid = self.interest_paid

        interest_waived = self.interest_waived

        number = self.number

        paid_on: None | str
        if isinstance(self.paid_on, datetime.date):
            paid_on = self.paid_on.isoformat()
        else:
            paid_on = self.paid_on

        penalty = self.penalty

        penalty_paid = self.penalty_paid

        principal = self.principal

        principal_paid = self.principal_paid

        status = self.status.value

        unpaid = self.unpaid

        opening_arrears = self.opening_arrears


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "due_date": due_date,
            "fee": fee,
            "fee_paid": fee_paid,
            "interest": interest,
            "interest_paid": interest_paid,
            "interest_waived": interest_waived,
            "number": number,
            "paid_on": paid_on,
            "penalty": penalty,
            "penalty_paid": penalty_paid,
            "principal": principal,
            "principal_paid": principal_paid,
            "status": status,
            "unpaid": unpaid,
        })
        if opening_arrears is not UNSET:
            field_dict["opening_arrears"] = opening_arrears

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        due_date = datetime.date.fromisoformat(d.pop("due_date"))




        fee = d.pop("fee")

        fee_paid = d.pop("fee_paid")

        interest = d.pop("interest")

        interest_paid = d.pop("interest_paid")

        interest_waived = d.pop("interest_waived")

        number = d.pop("number")

        def _parse_paid_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_on_type_0 = datetime.date.fromisoformat(data)



                return paid_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        paid_on = _parse_paid_on(d.pop("paid_on"))


        penalty = d.pop("penalty")

        penalty_paid = d.pop("penalty_paid")

        principal = d.pop("principal")

        principal_paid = d.pop("principal_paid")

        status = ScheduleRowOutStatus(d.pop("status"))




        unpaid = d.pop("unpaid")

        opening_arrears = d.pop("opening_arrears", UNSET)

        schedule_row_out = cls(
            due_date=due_date,
            fee=fee,
            fee_paid=fee_paid,
            interest=interest,
            interest_paid=interest_paid,
            interest_waived=interest_waived,
            number=number,
            paid_on=paid_on,
            penalty=penalty,
            penalty_paid=penalty_paid,
            principal=principal,
            principal_paid=principal_paid,
            status=status,
            unpaid=unpaid,
            opening_arrears=opening_arrears,
        )


        schedule_row_out.additional_properties = d
        return schedule_row_out

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
