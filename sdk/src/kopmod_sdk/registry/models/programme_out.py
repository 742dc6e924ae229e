from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.programme_cohort_out import ProgrammeCohortOut
  from ..models.programme_mentoring_out import ProgrammeMentoringOut
  from ..models.programme_out_aspects_met import ProgrammeOutAspectsMet
  from ..models.programme_out_by_phase import ProgrammeOutByPhase
  from ..models.programme_out_by_phase_and_band import ProgrammeOutByPhaseAndBand
  from ..models.programme_out_by_province import ProgrammeOutByProvince
  from ..models.programme_out_by_readiness_band import ProgrammeOutByReadinessBand
  from ..models.programme_province_out import ProgrammeProvinceOut
  from ..models.unavailable_source import UnavailableSource





T = TypeVar("T", bound="ProgrammeOut")



@_attrs_define
class ProgrammeOut:
    """ The programme view for the ministry: cooperatives in the modernisation programme
    (with a cohort and phase, not merged or dissolved), counted from their scorecards.

        Attributes:
            as_of (datetime.date):
            aspects_met (ProgrammeOutAspectsMet): Cooperatives meeting each aspect; null for an aspect whose source was
                unavailable.
            by_phase (ProgrammeOutByPhase):
            by_phase_and_band (ProgrammeOutByPhaseAndBand): Phase, then readiness band: how far each phase's cooperatives
                are.
            by_province (ProgrammeOutByProvince): Counts per 2-digit province code.
            by_readiness_band (ProgrammeOutByReadinessBand): Counts per readiness band; `unscored` when no aspect could be
                scored.
            cohort_year (int | None): The cohort filter asked for, if any.
            cohorts (list[ProgrammeCohortOut]):
            cooperatives (int):
            meeting_all_four (int | None): Cooperatives meeting all four aspects; null when partial.
            mentoring (ProgrammeMentoringOut): Mentoring (pendampingan) of the programme's cooperatives.
            partial (bool):
            province (None | str): The province filter asked for, if any.
            provinces (list[ProgrammeProvinceOut]): Each province with its bands and target.
            remaining_to_target (int | None): Modern cooperatives still needed to reach the target; null when partial.
            target (int): The programme's target of modern cooperatives.
            target_reached_share (None | str): meeting_all_four / target, 4 decimals (above 1 once the target is passed);
                null when partial.
            unavailable (list[UnavailableSource]):
     """

    as_of: datetime.date
    aspects_met: ProgrammeOutAspectsMet
    by_phase: ProgrammeOutByPhase
    by_phase_and_band: ProgrammeOutByPhaseAndBand
    by_province: ProgrammeOutByProvince
    by_readiness_band: ProgrammeOutByReadinessBand
    cohort_year: int | None
    cohorts: list[ProgrammeCohortOut]
    cooperatives: int
    meeting_all_four: int | None
    mentoring: ProgrammeMentoringOut
    partial: bool
    province: None | str
    provinces: list[ProgrammeProvinceOut]
    remaining_to_target: int | None
    target: int
    target_reached_share: None | str
    unavailable: list[UnavailableSource]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.programme_cohort_out import ProgrammeCohortOut # noqa: PLC0415
        from ..models.programme_mentoring_out import ProgrammeMentoringOut # noqa: PLC0415
        from ..models.programme_out_aspects_met import ProgrammeOutAspectsMet # noqa: PLC0415
        from ..models.programme_out_by_phase import ProgrammeOutByPhase # noqa: PLC0415
        from ..models.programme_out_by_phase_and_band import ProgrammeOutByPhaseAndBand # noqa: PLC0415
        from ..models.programme_out_by_province import ProgrammeOutByProvince # noqa: PLC0415
        from ..models.programme_out_by_readiness_band import ProgrammeOutByReadinessBand # noqa: PLC0415
        from ..models.programme_province_out import ProgrammeProvinceOut # noqa: PLC0415
        from ..models.unavailable_source import UnavailableSource # noqa: PLC0415
        as_of = self.as_of.isoformat()

        aspects_met = self.aspects_met.to_dict()

        by_phase = self.by_phase.to_dict()

        by_phase_and_band = self.by_phase_and_band.to_dict()

        by_province = self.by_province.to_dict()

        by_readiness_band = self.by_readiness_band.to_dict()

        cohort_year: int | None
        cohort_year = self.cohort_year

        cohorts = []
        for cohorts_item_data in self.cohorts:
            cohorts_item = cohorts_item_data.to_dict()
            cohorts.append(cohorts_item)



        cooperatives = self.cooperatives

        meeting_all_four: int | None
        meeting_all_four = self.meeting_all_four

        mentoring = self.mentoring.to_dict()

        partial = self.partial

        province: None | str
        province = self.province

        provinces = []
        for provinces_item_data in self.provinces:
            provinces_item = provinces_item_data.to_dict()
            provinces.append(provinces_item)



        remaining_to_target: int | None
        remaining_to_target = self.remaining_to_target

        target = self.target

        target_reached_share: None | str
        target_reached_share = self.target_reached_share

        unavailable = []
        for unavailable_item_data in self.unavailable:
            unavailable_item = unavailable_item_data.to_dict()
            unavailable.append(unavailable_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "aspects_met": aspects_met,
            "by_phase": by_phase,
            "by_phase_and_band": by_phase_and_band,
            "by_province": by_province,
            "by_readiness_band": by_readiness_band,
            "cohort_year": cohort_year,
            "cohorts": cohorts,
            "cooperatives": cooperatives,
            "meeting_all_four": meeting_all_four,
            "mentoring": mentoring,
            "partial": partial,
            "province": province,
            "provinces": provinces,
            "remaining_to_target": remaining_to_target,
            "target": target,
            "target_reached_share": target_reached_share,
            "unavailable": unavailable,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.programme_cohort_out import ProgrammeCohortOut # noqa: PLC0415
        from ..models.programme_mentoring_out import ProgrammeMentoringOut # noqa: PLC0415
        from ..models.programme_out_aspects_met import ProgrammeOutAspectsMet # noqa: PLC0415
        from ..models.programme_out_by_phase import ProgrammeOutByPhase # noqa: PLC0415
        from ..models.programme_out_by_phase_and_band import ProgrammeOutByPhaseAndBand # noqa: PLC0415
        from ..models.programme_out_by_province import ProgrammeOutByProvince # noqa: PLC0415
        from ..models.programme_out_by_readiness_band import ProgrammeOutByReadinessBand # noqa: PLC0415
        from ..models.programme_province_out import ProgrammeProvinceOut # noqa: PLC0415
        from ..models.unavailable_source import UnavailableSource # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        aspects_met = ProgrammeOutAspectsMet.from_dict(d.pop("aspects_met"))




        by_phase = ProgrammeOutByPhase.from_dict(d.pop("by_phase"))




        by_phase_and_band = ProgrammeOutByPhaseAndBand.from_dict(d.pop("by_phase_and_band"))




        by_province = ProgrammeOutByProvince.from_dict(d.pop("by_province"))




        by_readiness_band = ProgrammeOutByReadinessBand.from_dict(d.pop("by_readiness_band"))




        def _parse_cohort_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cohort_year = _parse_cohort_year(d.pop("cohort_year"))


        cohorts = []
        _cohorts = d.pop("cohorts")
        for cohorts_item_data in (_cohorts):
            cohorts_item = ProgrammeCohortOut.from_dict(cohorts_item_data)



            cohorts.append(cohorts_item)


        cooperatives = d.pop("cooperatives")

        def _parse_meeting_all_four(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        meeting_all_four = _parse_meeting_all_four(d.pop("meeting_all_four"))


        mentoring = ProgrammeMentoringOut.from_dict(d.pop("mentoring"))




        partial = d.pop("partial")

        def _parse_province(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        province = _parse_province(d.pop("province"))


        provinces = []
        _provinces = d.pop("provinces")
        for provinces_item_data in (_provinces):
            provinces_item = ProgrammeProvinceOut.from_dict(provinces_item_data)



            provinces.append(provinces_item)


        def _parse_remaining_to_target(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        remaining_to_target = _parse_remaining_to_target(d.pop("remaining_to_target"))


        target = d.pop("target")

        def _parse_target_reached_share(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_reached_share = _parse_target_reached_share(d.pop("target_reached_share"))


        unavailable = []
        _unavailable = d.pop("unavailable")
        for unavailable_item_data in (_unavailable):
            unavailable_item = UnavailableSource.from_dict(unavailable_item_data)



            unavailable.append(unavailable_item)


        programme_out = cls(
            as_of=as_of,
            aspects_met=aspects_met,
            by_phase=by_phase,
            by_phase_and_band=by_phase_and_band,
            by_province=by_province,
            by_readiness_band=by_readiness_band,
            cohort_year=cohort_year,
            cohorts=cohorts,
            cooperatives=cooperatives,
            meeting_all_four=meeting_all_four,
            mentoring=mentoring,
            partial=partial,
            province=province,
            provinces=provinces,
            remaining_to_target=remaining_to_target,
            target=target,
            target_reached_share=target_reached_share,
            unavailable=unavailable,
        )


        programme_out.additional_properties = d
        return programme_out

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
