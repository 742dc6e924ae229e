from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from uuid import UUID






T = TypeVar("T", bound="FundPositionOut")



@_attrs_define
class FundPositionOut:
    """ 
        Attributes:
            available_to_commit (str): Cash minus committed: what can be approved.
            capital (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            cash (str): Fund cash: the balance of the cash account.
            committed (str): Approved and not yet disbursed.
            fund_id (UUID):
            income_to_date (str): Interest/margin, penalties, fees and recoveries.
            overpayments (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            principal_outstanding (str): Loans receivable.
            writeoff_losses (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            narrowed (bool | Unset): True when a filter (product, province, programme cohort) was given: committed,
                principal_outstanding, income_to_date, writeoff_losses and overpayments are then those of the loans and
                applications filtered; cash, available_to_commit and capital stay the fund's. Default: False.
     """

    available_to_commit: str
    capital: str
    cash: str
    committed: str
    fund_id: UUID
    income_to_date: str
    overpayments: str
    principal_outstanding: str
    writeoff_losses: str
    narrowed: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        available_to_commit = self.available_to_commit

        capital = self.capital

        cash = self.cash

        committed = self.committed

        fund_id = str(self.fund_id)

        income_to_date = self.income_to_date

        overpayments = self.overpayments

        principal_outstanding = self.principal_outstanding

        writeoff_losses = self.writeoff_losses

        narrowed = self.narrowed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "available_to_commit": available_to_commit,
            "capital": capital,
            "cash": cash,
            "committed": committed,
            "fund_id": fund_id,
            "income_to_date": income_to_date,
            "overpayments": overpayments,
            "principal_outstanding": principal_outstanding,
            "writeoff_losses": writeoff_losses,
        })
        if narrowed is not UNSET:
            field_dict["narrowed"] = narrowed

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        available_to_commit = d.pop("available_to_commit")

        capital = d.pop("capital")

        cash = d.pop("cash")

        committed = d.pop("committed")

        fund_id = UUID(d.pop("fund_id"))




        income_to_date = d.pop("income_to_date")

        overpayments = d.pop("overpayments")

        principal_outstanding = d.pop("principal_outstanding")

        writeoff_losses = d.pop("writeoff_losses")

        narrowed = d.pop("narrowed", UNSET)

        fund_position_out = cls(
            available_to_commit=available_to_commit,
            capital=capital,
            cash=cash,
            committed=committed,
            fund_id=fund_id,
            income_to_date=income_to_date,
            overpayments=overpayments,
            principal_outstanding=principal_outstanding,
            writeoff_losses=writeoff_losses,
            narrowed=narrowed,
        )


        fund_position_out.additional_properties = d
        return fund_position_out

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
