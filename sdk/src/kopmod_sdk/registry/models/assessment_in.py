from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.health_category import HealthCategory
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="AssessmentIn")



@_attrs_define
class AssessmentIn:
    """ 
        Attributes:
            assessed_on (datetime.date):
            score (str): A percentage: at most 2 decimals, answered with 2; 0 to 100. A JSON integer within the same digit
                limit is accepted as well.
            year (int): The year assessed.
            assessor (None | str | Unset):
            category (HealthCategory | None | Unset): When omitted, taken from the score bands: 80-100 sehat, 66-80 cukup
                sehat, 51-66 dalam pengawasan, under 51 dalam pengawasan khusus.
            note (None | str | Unset):
     """

    assessed_on: datetime.date
    score: str
    year: int
    assessor: None | str | Unset = UNSET
    category: HealthCategory | None | Unset = UNSET
    note: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        assessed_on = self.assessed_on.isoformat()

        score = self.score

        year = self.year

        assessor: None | str | Unset
        if isinstance(self.assessor, Unset):
            assessor = UNSET
        else:
            assessor = self.assessor

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        elif isinstance(self.category, HealthCategory):
            category = self.category.value
        else:
            category = self.category

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "assessed_on": assessed_on,
            "score": score,
            "year": year,
        })
        if assessor is not UNSET:
            field_dict["assessor"] = assessor
        if category is not UNSET:
            field_dict["category"] = category
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assessed_on = datetime.date.fromisoformat(d.pop("assessed_on"))




        score = d.pop("score")

        year = d.pop("year")

        def _parse_assessor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assessor = _parse_assessor(d.pop("assessor", UNSET))


        def _parse_category(data: object) -> HealthCategory | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_type_0 = HealthCategory(data)



                return category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HealthCategory | None | Unset, data)

        category = _parse_category(d.pop("category", UNSET))


        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        assessment_in = cls(
            assessed_on=assessed_on,
            score=score,
            year=year,
            assessor=assessor,
            category=category,
            note=note,
        )

        return assessment_in

