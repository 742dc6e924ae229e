from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.programme_out_aspects_met import ProgrammeOutAspectsMet
  from ..models.programme_out_by_phase import ProgrammeOutByPhase
  from ..models.programme_out_by_province import ProgrammeOutByProvince
  from ..models.programme_out_by_readiness_band import ProgrammeOutByReadinessBand
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
            by_province (ProgrammeOutByProvince): Counts per 2-digit province code.
            by_readiness_band (ProgrammeOutByReadinessBand): Counts per readiness band; `unscored` when no aspect could be
                scored.
            cooperatives (int):
            meeting_all_four (int | None): Cooperatives meeting all four aspects; null when partial.
            partial (bool):
            target (int): The programme's target of modern cooperatives.
            target_reached_share (None | str): meeting_all_four / target, 4 decimals (above 1 once the target is passed);
                null when partial.
            unavailable (list[UnavailableSource]):
     """

    as_of: datetime.date
    aspects_met: ProgrammeOutAspectsMet
    by_phase: ProgrammeOutByPhase
    by_province: ProgrammeOutByProvince
    by_readiness_band: ProgrammeOutByReadinessBand
    cooperatives: int
    meeting_all_four: int | None
    partial: bool
    target: int
    target_reached_share: None | str
    unavailable: list[UnavailableSource]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.programme_out_aspects_met import ProgrammeOutAspectsMet # noqa: PLC0415
        from ..models.programme_out_by_phase import ProgrammeOutByPhase # noqa: PLC0415
        from ..models.programme_out_by_province import ProgrammeOutByProvince # noqa: PLC0415
        from ..models.programme_out_by_readiness_band import ProgrammeOutByReadinessBand # noqa: PLC0415
        from ..models.unavailable_source import UnavailableSource # noqa: PLC0415
        as_of = self.as_of.isoformat()

        aspects_met = self.aspects_met.to_dict()

        by_phase = self.by_phase.to_dict()

        by_province = self.by_province.to_dict()

        by_readiness_band = self.by_readiness_band.to_dict()

        cooperatives = self.cooperatives

        meeting_all_four: int | None
        meeting_all_four = self.meeting_all_four

        partial = self.partial

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
            "by_province": by_province,
            "by_readiness_band": by_readiness_band,
            "cooperatives": cooperatives,
            "meeting_all_four": meeting_all_four,
            "partial": partial,
            "target": target,
            "target_reached_share": target_reached_share,
            "unavailable": unavailable,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.programme_out_aspects_met import ProgrammeOutAspectsMet # noqa: PLC0415
        from ..models.programme_out_by_phase import ProgrammeOutByPhase # noqa: PLC0415
        from ..models.programme_out_by_province import ProgrammeOutByProvince # noqa: PLC0415
        from ..models.programme_out_by_readiness_band import ProgrammeOutByReadinessBand # noqa: PLC0415
        from ..models.unavailable_source import UnavailableSource # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        aspects_met = ProgrammeOutAspectsMet.from_dict(d.pop("aspects_met"))




        by_phase = ProgrammeOutByPhase.from_dict(d.pop("by_phase"))




        by_province = ProgrammeOutByProvince.from_dict(d.pop("by_province"))




        by_readiness_band = ProgrammeOutByReadinessBand.from_dict(d.pop("by_readiness_band"))




        cooperatives = d.pop("cooperatives")

        def _parse_meeting_all_four(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        meeting_all_four = _parse_meeting_all_four(d.pop("meeting_all_four"))


        partial = d.pop("partial")

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
            by_province=by_province,
            by_readiness_band=by_readiness_band,
            cooperatives=cooperatives,
            meeting_all_four=meeting_all_four,
            partial=partial,
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
