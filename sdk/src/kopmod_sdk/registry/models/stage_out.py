from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.modernisation_phase import ModernisationPhase
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="StageOut")



@_attrs_define
class StageOut:
    """ 
        Attributes:
            cohort_year (int):
            cooperative_id (UUID):
            created_at (datetime.datetime):
            id (UUID):
            note (None | str):
            phase (ModernisationPhase): Programme phases, in order (domain.md 1).
            recorded_by (None | str):
            started_on (datetime.date):
     """

    cohort_year: int
    cooperative_id: UUID
    created_at: datetime.datetime
    id: UUID
    note: None | str
    phase: ModernisationPhase
    recorded_by: None | str
    started_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cohort_year = self.cohort_year

        cooperative_id = str(self.cooperative_id)

        created_at = self.created_at.isoformat()

        id = str(self.id)

        note: None | str
        note = self.note

        phase = self.phase.value

        recorded_by: None | str
        recorded_by = self.recorded_by

        started_on = self.started_on.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cohort_year": cohort_year,
            "cooperative_id": cooperative_id,
            "created_at": created_at,
            "id": id,
            "note": note,
            "phase": phase,
            "recorded_by": recorded_by,
            "started_on": started_on,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cohort_year = d.pop("cohort_year")

        cooperative_id = UUID(d.pop("cooperative_id"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        id = UUID(d.pop("id"))




        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        phase = ModernisationPhase(d.pop("phase"))




        def _parse_recorded_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recorded_by = _parse_recorded_by(d.pop("recorded_by"))


        started_on = datetime.date.fromisoformat(d.pop("started_on"))




        stage_out = cls(
            cohort_year=cohort_year,
            cooperative_id=cooperative_id,
            created_at=created_at,
            id=id,
            note=note,
            phase=phase,
            recorded_by=recorded_by,
            started_on=started_on,
        )


        stage_out.additional_properties = d
        return stage_out

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
