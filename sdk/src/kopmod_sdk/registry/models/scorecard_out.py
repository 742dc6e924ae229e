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

if TYPE_CHECKING:
  from ..models.aspect_out import AspectOut
  from ..models.unavailable_source import UnavailableSource





T = TypeVar("T", bound="ScorecardOut")



@_attrs_define
class ScorecardOut:
    """ A cooperative's modernisation scorecard, from live registry, financing and marketplace
    data (domain.md 1: the four aspects of a modern cooperative, plus governance and technology
    adoption).

        Attributes:
            as_of (datetime.date):
            aspects (list[AspectOut]):
            cohort_year (int | None):
            cooperative_id (UUID):
            meets_all_four (bool | None): Capital, diversification, market orientation and offtakers all met; null when one
                of them is unavailable.
            name (str):
            partial (bool): True when a source was unavailable.
            phase (ModernisationPhase | None): Programme phase (registry).
            province_code (str):
            readiness (int | None): Mean of the available aspects' scores (0-100); null when none is.
            readiness_band (None | str): ready, advancing, developing or early.
            unavailable (list[UnavailableSource]):
     """

    as_of: datetime.date
    aspects: list[AspectOut]
    cohort_year: int | None
    cooperative_id: UUID
    meets_all_four: bool | None
    name: str
    partial: bool
    phase: ModernisationPhase | None
    province_code: str
    readiness: int | None
    readiness_band: None | str
    unavailable: list[UnavailableSource]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.aspect_out import AspectOut # noqa: PLC0415
        from ..models.unavailable_source import UnavailableSource # noqa: PLC0415
        as_of = self.as_of.isoformat()

        aspects = []
        for aspects_item_data in self.aspects:
            aspects_item = aspects_item_data.to_dict()
            aspects.append(aspects_item)



        cohort_year: int | None
        cohort_year = self.cohort_year

        cooperative_id = str(self.cooperative_id)

        meets_all_four: bool | None
        meets_all_four = self.meets_all_four

        name = self.name

        partial = self.partial

        phase: None | str
        if isinstance(self.phase, ModernisationPhase):
            phase = self.phase.value
        else:
            phase = self.phase

        province_code = self.province_code

        readiness: int | None
        readiness = self.readiness

        readiness_band: None | str
        readiness_band = self.readiness_band

        unavailable = []
        for unavailable_item_data in self.unavailable:
            unavailable_item = unavailable_item_data.to_dict()
            unavailable.append(unavailable_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "aspects": aspects,
            "cohort_year": cohort_year,
            "cooperative_id": cooperative_id,
            "meets_all_four": meets_all_four,
            "name": name,
            "partial": partial,
            "phase": phase,
            "province_code": province_code,
            "readiness": readiness,
            "readiness_band": readiness_band,
            "unavailable": unavailable,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aspect_out import AspectOut # noqa: PLC0415
        from ..models.unavailable_source import UnavailableSource # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        aspects = []
        _aspects = d.pop("aspects")
        for aspects_item_data in (_aspects):
            aspects_item = AspectOut.from_dict(aspects_item_data)



            aspects.append(aspects_item)


        def _parse_cohort_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cohort_year = _parse_cohort_year(d.pop("cohort_year"))


        cooperative_id = UUID(d.pop("cooperative_id"))




        def _parse_meets_all_four(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        meets_all_four = _parse_meets_all_four(d.pop("meets_all_four"))


        name = d.pop("name")

        partial = d.pop("partial")

        def _parse_phase(data: object) -> ModernisationPhase | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                phase_type_0 = ModernisationPhase(data)



                return phase_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModernisationPhase | None, data)

        phase = _parse_phase(d.pop("phase"))


        province_code = d.pop("province_code")

        def _parse_readiness(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        readiness = _parse_readiness(d.pop("readiness"))


        def _parse_readiness_band(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        readiness_band = _parse_readiness_band(d.pop("readiness_band"))


        unavailable = []
        _unavailable = d.pop("unavailable")
        for unavailable_item_data in (_unavailable):
            unavailable_item = UnavailableSource.from_dict(unavailable_item_data)



            unavailable.append(unavailable_item)


        scorecard_out = cls(
            as_of=as_of,
            aspects=aspects,
            cohort_year=cohort_year,
            cooperative_id=cooperative_id,
            meets_all_four=meets_all_four,
            name=name,
            partial=partial,
            phase=phase,
            province_code=province_code,
            readiness=readiness,
            readiness_band=readiness_band,
            unavailable=unavailable,
        )


        scorecard_out.additional_properties = d
        return scorecard_out

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
