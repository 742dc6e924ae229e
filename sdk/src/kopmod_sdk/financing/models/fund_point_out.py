from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="FundPointOut")



@_attrs_define
class FundPointOut:
    """ 
        Attributes:
            capital (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            cash (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            date (datetime.date):
            income (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            loans_receivable (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            overpayments (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            writeoff_losses (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
     """

    capital: str
    cash: str
    date: datetime.date
    income: str
    loans_receivable: str
    overpayments: str
    writeoff_losses: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        capital = self.capital

        cash = self.cash

        date = self.date.isoformat()

        income = self.income

        loans_receivable = self.loans_receivable

        overpayments = self.overpayments

        writeoff_losses = self.writeoff_losses


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "capital": capital,
            "cash": cash,
            "date": date,
            "income": income,
            "loans_receivable": loans_receivable,
            "overpayments": overpayments,
            "writeoff_losses": writeoff_losses,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        capital = d.pop("capital")

        cash = d.pop("cash")

        date = datetime.date.fromisoformat(d.pop("date"))




        income = d.pop("income")

        loans_receivable = d.pop("loans_receivable")

        overpayments = d.pop("overpayments")

        writeoff_losses = d.pop("writeoff_losses")

        fund_point_out = cls(
            capital=capital,
            cash=cash,
            date=date,
            income=income,
            loans_receivable=loans_receivable,
            overpayments=overpayments,
            writeoff_losses=writeoff_losses,
        )


        fund_point_out.additional_properties = d
        return fund_point_out

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
