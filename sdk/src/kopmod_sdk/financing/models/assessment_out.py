from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.recommendation import Recommendation
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.figure import Figure





T = TypeVar("T", bound="AssessmentOut")



@_attrs_define
class AssessmentOut:
    """ 
        Attributes:
            assessed_at (datetime.datetime):
            assessed_by (str):
            figures (list[Figure]):
            id (UUID):
            note (None | str):
            recommendation (Recommendation):
     """

    assessed_at: datetime.datetime
    assessed_by: str
    figures: list[Figure]
    id: UUID
    note: None | str
    recommendation: Recommendation
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.figure import Figure # noqa: PLC0415
        assessed_at = self.assessed_at.isoformat()

        assessed_by = self.assessed_by

        figures = []
        for figures_item_data in self.figures:
            figures_item = figures_item_data.to_dict()
            figures.append(figures_item)



        id = str(self.id)

        note: None | str
        note = self.note

        recommendation = self.recommendation.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "assessed_at": assessed_at,
            "assessed_by": assessed_by,
            "figures": figures,
            "id": id,
            "note": note,
            "recommendation": recommendation,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figure import Figure # noqa: PLC0415
        d = dict(src_dict)
        assessed_at = datetime.datetime.fromisoformat(d.pop("assessed_at"))




        assessed_by = d.pop("assessed_by")

        figures = []
        _figures = d.pop("figures")
        for figures_item_data in (_figures):
            figures_item = Figure.from_dict(figures_item_data)



            figures.append(figures_item)


        id = UUID(d.pop("id"))




        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        recommendation = Recommendation(d.pop("recommendation"))




        assessment_out = cls(
            assessed_at=assessed_at,
            assessed_by=assessed_by,
            figures=figures,
            id=id,
            note=note,
            recommendation=recommendation,
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
