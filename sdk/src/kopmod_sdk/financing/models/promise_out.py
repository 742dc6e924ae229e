from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="PromiseOut")



@_attrs_define
class PromiseOut:
    """ 
        Attributes:
            amount (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            fund_id (UUID):
            id (UUID):
            loan_id (UUID):
            made_on (datetime.date):
            note (None | str):
            paid (str): Received on the loan from the day made to the day promised.
            promised_on (datetime.date):
            recorded_by (str):
            status (str): `open`, `kept` (paid covers it) or `broken` (date passed).
     """

    amount: str
    fund_id: UUID
    id: UUID
    loan_id: UUID
    made_on: datetime.date
    note: None | str
    paid: str
    promised_on: datetime.date
    recorded_by: str
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        fund_id = str(self.fund_id)

        id = str(self.id)

        loan_id = str(self.loan_id)

        made_on = self.made_on.isoformat()

        note: None | str
        note = self.note

        paid = self.paid

        promised_on = self.promised_on.isoformat()

        recorded_by = self.recorded_by

        status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount": amount,
            "fund_id": fund_id,
            "id": id,
            "loan_id": loan_id,
            "made_on": made_on,
            "note": note,
            "paid": paid,
            "promised_on": promised_on,
            "recorded_by": recorded_by,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        fund_id = UUID(d.pop("fund_id"))




        id = UUID(d.pop("id"))




        loan_id = UUID(d.pop("loan_id"))




        made_on = datetime.date.fromisoformat(d.pop("made_on"))




        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        paid = d.pop("paid")

        promised_on = datetime.date.fromisoformat(d.pop("promised_on"))




        recorded_by = d.pop("recorded_by")

        status = d.pop("status")

        promise_out = cls(
            amount=amount,
            fund_id=fund_id,
            id=id,
            loan_id=loan_id,
            made_on=made_on,
            note=note,
            paid=paid,
            promised_on=promised_on,
            recorded_by=recorded_by,
            status=status,
        )


        promise_out.additional_properties = d
        return promise_out

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
