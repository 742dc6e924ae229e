from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="FlowMonthOut")



@_attrs_define
class FlowMonthOut:
    """ 
        Attributes:
            disbursed (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            month (str):
            net (str): Back into the fund less lent out.
            recovered (str): Recovered on written-off loans.
            repaid (str): Repayments and payoffs.
     """

    disbursed: str
    month: str
    net: str
    recovered: str
    repaid: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        disbursed = self.disbursed

        month = self.month

        net = self.net

        recovered = self.recovered

        repaid = self.repaid


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "disbursed": disbursed,
            "month": month,
            "net": net,
            "recovered": recovered,
            "repaid": repaid,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        disbursed = d.pop("disbursed")

        month = d.pop("month")

        net = d.pop("net")

        recovered = d.pop("recovered")

        repaid = d.pop("repaid")

        flow_month_out = cls(
            disbursed=disbursed,
            month=month,
            net=net,
            recovered=recovered,
            repaid=repaid,
        )


        flow_month_out.additional_properties = d
        return flow_month_out

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
