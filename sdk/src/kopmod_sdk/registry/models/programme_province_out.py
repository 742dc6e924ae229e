from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.programme_province_out_by_readiness_band import ProgrammeProvinceOutByReadinessBand





T = TypeVar("T", bound="ProgrammeProvinceOut")



@_attrs_define
class ProgrammeProvinceOut:
    """ 
        Attributes:
            by_readiness_band (ProgrammeProvinceOutByReadinessBand):
            cooperatives (int):
            meeting_all_four (int | None): Null when partial.
            mentored (int): With at least one mentoring (pendampingan) record.
            name (str):
            province_code (str):
     """

    by_readiness_band: ProgrammeProvinceOutByReadinessBand
    cooperatives: int
    meeting_all_four: int | None
    mentored: int
    name: str
    province_code: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.programme_province_out_by_readiness_band import ProgrammeProvinceOutByReadinessBand # noqa: PLC0415
        by_readiness_band = self.by_readiness_band.to_dict()

        cooperatives = self.cooperatives

        meeting_all_four: int | None
        meeting_all_four = self.meeting_all_four

        mentored = self.mentored

        name = self.name

        province_code = self.province_code


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "by_readiness_band": by_readiness_band,
            "cooperatives": cooperatives,
            "meeting_all_four": meeting_all_four,
            "mentored": mentored,
            "name": name,
            "province_code": province_code,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.programme_province_out_by_readiness_band import ProgrammeProvinceOutByReadinessBand # noqa: PLC0415
        d = dict(src_dict)
        by_readiness_band = ProgrammeProvinceOutByReadinessBand.from_dict(d.pop("by_readiness_band"))




        cooperatives = d.pop("cooperatives")

        def _parse_meeting_all_four(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        meeting_all_four = _parse_meeting_all_four(d.pop("meeting_all_four"))


        mentored = d.pop("mentored")

        name = d.pop("name")

        province_code = d.pop("province_code")

        programme_province_out = cls(
            by_readiness_band=by_readiness_band,
            cooperatives=cooperatives,
            meeting_all_four=meeting_all_four,
            mentored=mentored,
            name=name,
            province_code=province_code,
        )


        programme_province_out.additional_properties = d
        return programme_province_out

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
