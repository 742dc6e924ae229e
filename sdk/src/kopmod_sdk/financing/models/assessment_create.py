from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.recommendation import Recommendation
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="AssessmentCreate")



@_attrs_define
class AssessmentCreate:
    """ 
        Attributes:
            recommendation (Recommendation):
            note (None | str | Unset):
     """

    recommendation: Recommendation
    note: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        recommendation = self.recommendation.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "recommendation": recommendation,
        })
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        recommendation = Recommendation(d.pop("recommendation"))




        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        assessment_create = cls(
            recommendation=recommendation,
            note=note,
        )

        return assessment_create

