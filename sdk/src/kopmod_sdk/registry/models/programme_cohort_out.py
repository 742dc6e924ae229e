from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.programme_cohort_out_by_phase import ProgrammeCohortOutByPhase
  from ..models.programme_cohort_out_by_readiness_band import ProgrammeCohortOutByReadinessBand





T = TypeVar("T", bound="ProgrammeCohortOut")



@_attrs_define
class ProgrammeCohortOut:
    """ 
        Attributes:
            by_phase (ProgrammeCohortOutByPhase):
            by_readiness_band (ProgrammeCohortOutByReadinessBand):
            cohort_year (int | None): The cohort (the year it joined the programme).
            cooperatives (int):
            meeting_all_four (int | None): Null when partial.
            mentored (int):
     """

    by_phase: ProgrammeCohortOutByPhase
    by_readiness_band: ProgrammeCohortOutByReadinessBand
    cohort_year: int | None
    cooperatives: int
    meeting_all_four: int | None
    mentored: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.programme_cohort_out_by_phase import ProgrammeCohortOutByPhase # noqa: PLC0415
        from ..models.programme_cohort_out_by_readiness_band import ProgrammeCohortOutByReadinessBand # noqa: PLC0415
        by_phase = self.by_phase.to_dict()

        by_readiness_band = self.by_readiness_band.to_dict()

        cohort_year: int | None
        cohort_year = self.cohort_year

        cooperatives = self.cooperatives

        meeting_all_four: int | None
        meeting_all_four = self.meeting_all_four

        mentored = self.mentored


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "by_phase": by_phase,
            "by_readiness_band": by_readiness_band,
            "cohort_year": cohort_year,
            "cooperatives": cooperatives,
            "meeting_all_four": meeting_all_four,
            "mentored": mentored,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.programme_cohort_out_by_phase import ProgrammeCohortOutByPhase # noqa: PLC0415
        from ..models.programme_cohort_out_by_readiness_band import ProgrammeCohortOutByReadinessBand # noqa: PLC0415
        d = dict(src_dict)
        by_phase = ProgrammeCohortOutByPhase.from_dict(d.pop("by_phase"))




        by_readiness_band = ProgrammeCohortOutByReadinessBand.from_dict(d.pop("by_readiness_band"))




        def _parse_cohort_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cohort_year = _parse_cohort_year(d.pop("cohort_year"))


        cooperatives = d.pop("cooperatives")

        def _parse_meeting_all_four(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        meeting_all_four = _parse_meeting_all_four(d.pop("meeting_all_four"))


        mentored = d.pop("mentored")

        programme_cohort_out = cls(
            by_phase=by_phase,
            by_readiness_band=by_readiness_band,
            cohort_year=cohort_year,
            cooperatives=cooperatives,
            meeting_all_four=meeting_all_four,
            mentored=mentored,
        )


        programme_cohort_out.additional_properties = d
        return programme_cohort_out

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
