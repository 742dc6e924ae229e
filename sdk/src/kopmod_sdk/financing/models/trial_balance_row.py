from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.account import Account






T = TypeVar("T", bound="TrialBalanceRow")



@_attrs_define
class TrialBalanceRow:
    """ 
        Attributes:
            account (Account): The fixed chart of accounts every fund has.
            balance (str): On the account's normal side.
            category (str):
            credits_ (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            debits (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            side (str): `debit` or `credit`: the account's normal side.
     """

    account: Account
    balance: str
    category: str
    credits_: str
    debits: str
    side: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account = self.account.value

        balance = self.balance

        category = self.category

        credits_ = self.credits_

        debits = self.debits

        side = self.side


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account": account,
            "balance": balance,
            "category": category,
            "credits": credits_,
            "debits": debits,
            "side": side,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account = Account(d.pop("account"))




        balance = d.pop("balance")

        category = d.pop("category")

        credits_ = d.pop("credits")

        debits = d.pop("debits")

        side = d.pop("side")

        trial_balance_row = cls(
            account=account,
            balance=balance,
            category=category,
            credits_=credits_,
            debits=debits,
            side=side,
        )


        trial_balance_row.additional_properties = d
        return trial_balance_row

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
