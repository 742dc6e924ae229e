from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.modernisation_phase import ModernisationPhase
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="StageIn")



@_attrs_define
class StageIn:
    """ 
        Attributes:
            phase (ModernisationPhase): Programme phases, in order (domain.md 1).
            started_on (datetime.date):
            cohort_year (int | None | Unset): Required on a cooperative's first stage; fixed afterwards.
            note (None | str | Unset):
     """

    phase: ModernisationPhase
    started_on: datetime.date
    cohort_year: int | None | Unset = UNSET
    note: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        phase = self.phase.value

        started_on = self.started_on.isoformat()

        cohort_year: int | None | Unset
        if isinstance(self.cohort_year, Unset):
            cohort_year = UNSET
        else:
            cohort_year = self.cohort_year

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "phase": phase,
            "started_on": started_on,
        })
        if cohort_year is not UNSET:
            field_dict["cohort_year"] = cohort_year
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phase = ModernisationPhase(d.pop("phase"))




        started_on = datetime.date.fromisoformat(d.pop("started_on"))




        def _parse_cohort_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cohort_year = _parse_cohort_year(d.pop("cohort_year", UNSET))


        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        stage_in = cls(
            phase=phase,
            started_on=started_on,
            cohort_year=cohort_year,
            note=note,
        )

        return stage_in

