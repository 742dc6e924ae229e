from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="StatementsIn")



@_attrs_define
class StatementsIn:
    """ The financial statements the RAT approved (assets = liabilities + equity).

        Attributes:
            assets (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. 0 or more. A JSON
                integer within the same digit limit is accepted as well.
            equity (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            liabilities (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            revenue (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. 0 or more. A JSON
                integer within the same digit limit is accepted as well.
     """

    assets: str
    equity: str
    liabilities: str
    revenue: str





    def to_dict(self) -> dict[str, Any]:
        assets = self.assets

        equity = self.equity

        liabilities = self.liabilities

        revenue = self.revenue


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "assets": assets,
            "equity": equity,
            "liabilities": liabilities,
            "revenue": revenue,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assets = d.pop("assets")

        equity = d.pop("equity")

        liabilities = d.pop("liabilities")

        revenue = d.pop("revenue")

        statements_in = cls(
            assets=assets,
            equity=equity,
            liabilities=liabilities,
            revenue=revenue,
        )

        return statements_in

