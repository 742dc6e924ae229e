from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="FinancialStatement")



@_attrs_define
class FinancialStatement:
    """ 
        Attributes:
            assets (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            equity (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            liabilities (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            net_surplus (str): SHU (sisa hasil usaha) of the year.
            revenue (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            year (int):
     """

    assets: str
    equity: str
    liabilities: str
    net_surplus: str
    revenue: str
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        assets = self.assets

        equity = self.equity

        liabilities = self.liabilities

        net_surplus = self.net_surplus

        revenue = self.revenue

        year = self.year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "assets": assets,
            "equity": equity,
            "liabilities": liabilities,
            "net_surplus": net_surplus,
            "revenue": revenue,
            "year": year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assets = d.pop("assets")

        equity = d.pop("equity")

        liabilities = d.pop("liabilities")

        net_surplus = d.pop("net_surplus")

        revenue = d.pop("revenue")

        year = d.pop("year")

        financial_statement = cls(
            assets=assets,
            equity=equity,
            liabilities=liabilities,
            net_surplus=net_surplus,
            revenue=revenue,
            year=year,
        )


        financial_statement.additional_properties = d
        return financial_statement

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
