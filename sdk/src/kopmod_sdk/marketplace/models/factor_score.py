from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="FactorScore")



@_attrs_define
class FactorScore:
    """ One factor of the matching score: its value in [0, 1] and its weight in the total.

        Attributes:
            factor (str): `distance`, `window`, `quantity`, `price`, `reliability`.
            value (str): A share of 1: at most 4 decimals, answered with 4; 0 to 1. A JSON integer within the same digit
                limit is accepted as well.
            weight (str): A share of 1: at most 4 decimals, answered with 4; 0 to 1. A JSON integer within the same digit
                limit is accepted as well.
     """

    factor: str
    value: str
    weight: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        factor = self.factor

        value = self.value

        weight = self.weight


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "factor": factor,
            "value": value,
            "weight": weight,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        factor = d.pop("factor")

        value = d.pop("value")

        weight = d.pop("weight")

        factor_score = cls(
            factor=factor,
            value=value,
            weight=weight,
        )


        factor_score.additional_properties = d
        return factor_score

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
