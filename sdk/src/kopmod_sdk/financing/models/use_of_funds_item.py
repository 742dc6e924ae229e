from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="UseOfFundsItem")



@_attrs_define
class UseOfFundsItem:
    """ 
        Attributes:
            amount (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. Greater than 0. A
                JSON integer within the same digit limit is accepted as well.
            item (str):
     """

    amount: str
    item: str





    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        item = self.item


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount": amount,
            "item": item,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        item = d.pop("item")

        use_of_funds_item = cls(
            amount=amount,
            item=item,
        )

        return use_of_funds_item

