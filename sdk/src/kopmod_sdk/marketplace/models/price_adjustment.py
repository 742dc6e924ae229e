from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PriceAdjustment")



@_attrs_define
class PriceAdjustment:
    """ A premium (positive) or penalty (negative) of a formula price, per base unit.

        Attributes:
            amount (str): Rupiah per base unit; negative for a penalty.
            name (str):
     """

    amount: str
    name: str





    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        name = self.name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "amount": amount,
            "name": name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        name = d.pop("name")

        price_adjustment = cls(
            amount=amount,
            name=name,
        )

        return price_adjustment

