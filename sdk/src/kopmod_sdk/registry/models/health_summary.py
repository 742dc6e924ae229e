from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.health_category import HealthCategory






T = TypeVar("T", bound="HealthSummary")



@_attrs_define
class HealthSummary:
    """ 
        Attributes:
            category (HealthCategory): Permenkop 9/2020 categories, best first.
            score (str): A percentage: at most 2 decimals, answered with 2; 0 to 100. A JSON integer within the same digit
                limit is accepted as well.
            year (int):
     """

    category: HealthCategory
    score: str
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        category = self.category.value

        score = self.score

        year = self.year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "category": category,
            "score": score,
            "year": year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        category = HealthCategory(d.pop("category"))




        score = d.pop("score")

        year = d.pop("year")

        health_summary = cls(
            category=category,
            score=score,
            year=year,
        )


        health_summary.additional_properties = d
        return health_summary

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
