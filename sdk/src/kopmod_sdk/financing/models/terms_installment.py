from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="TermsInstallment")



@_attrs_define
class TermsInstallment:
    """ 
        Attributes:
            balance_after (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            due_date (datetime.date):
            interest (str): Interest, margin or expected profit share.
            number (int):
            principal (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            total (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
     """

    balance_after: str
    due_date: datetime.date
    interest: str
    number: int
    principal: str
    total: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        balance_after = self.balance_after

        due_date = self.due_date.isoformat()

        interest = self.interest

        number = self.number

        principal = self.principal

        total = self.total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "balance_after": balance_after,
            "due_date": due_date,
            "interest": interest,
            "number": number,
            "principal": principal,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        balance_after = d.pop("balance_after")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))




        interest = d.pop("interest")

        number = d.pop("number")

        principal = d.pop("principal")

        total = d.pop("total")

        terms_installment = cls(
            balance_after=balance_after,
            due_date=due_date,
            interest=interest,
            number=number,
            principal=principal,
            total=total,
        )


        terms_installment.additional_properties = d
        return terms_installment

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
