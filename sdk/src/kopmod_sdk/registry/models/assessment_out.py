from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.health_category import HealthCategory
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="AssessmentOut")



@_attrs_define
class AssessmentOut:
    """ 
        Attributes:
            assessed_on (datetime.date):
            assessor (None | str):
            category (HealthCategory): Permenkop 9/2020 categories, best first.
            cooperative_id (UUID):
            created_at (datetime.datetime):
            id (UUID):
            note (None | str):
            recorded_by (None | str):
            score (str): A percentage: at most 2 decimals, answered with 2; 0 to 100. A JSON integer within the same digit
                limit is accepted as well.
            year (int):
     """

    assessed_on: datetime.date
    assessor: None | str
    category: HealthCategory
    cooperative_id: UUID
    created_at: datetime.datetime
    id: UUID
    note: None | str
    recorded_by: None | str
    score: str
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        assessed_on = self.assessed_on.isoformat()

        assessor: None | str
        assessor = self.assessor

        category = self.category.value

        cooperative_id = str(self.cooperative_id)

        created_at = self.created_at.isoformat()

        id = str(self.id)

        note: None | str
        note = self.note

        recorded_by: None | str
        recorded_by = self.recorded_by

        score = self.score

        year = self.year


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "assessed_on": assessed_on,
            "assessor": assessor,
            "category": category,
            "cooperative_id": cooperative_id,
            "created_at": created_at,
            "id": id,
            "note": note,
            "recorded_by": recorded_by,
            "score": score,
            "year": year,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assessed_on = datetime.date.fromisoformat(d.pop("assessed_on"))




        def _parse_assessor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        assessor = _parse_assessor(d.pop("assessor"))


        category = HealthCategory(d.pop("category"))




        cooperative_id = UUID(d.pop("cooperative_id"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = UUID(d.pop("id"))




        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        def _parse_recorded_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recorded_by = _parse_recorded_by(d.pop("recorded_by"))


        score = d.pop("score")

        year = d.pop("year")

        assessment_out = cls(
            assessed_on=assessed_on,
            assessor=assessor,
            category=category,
            cooperative_id=cooperative_id,
            created_at=created_at,
            id=id,
            note=note,
            recorded_by=recorded_by,
            score=score,
            year=year,
        )


        assessment_out.additional_properties = d
        return assessment_out

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
