from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="MonthOut")



@_attrs_define
class MonthOut:
    """ 
        Attributes:
            charges (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. 0 or more. A JSON
                integer within the same digit limit is accepted as well.
            interest (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            month (str):
            principal (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            total (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. 0 or more. A JSON
                integer within the same digit limit is accepted as well.
     """

    charges: str
    interest: str
    month: str
    principal: str
    total: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        charges = self.charges

        interest = self.interest

        month = self.month

        principal = self.principal

        total = self.total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "charges": charges,
            "interest": interest,
            "month": month,
            "principal": principal,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        charges = d.pop("charges")

        interest = d.pop("interest")

        month = d.pop("month")

        principal = d.pop("principal")

        total = d.pop("total")

        month_out = cls(
            charges=charges,
            interest=interest,
            month=month,
            principal=principal,
            total=total,
        )


        month_out.additional_properties = d
        return month_out

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
