from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.programme_mentoring_out_by_focus import ProgrammeMentoringOutByFocus
  from ..models.programme_mentoring_out_mentored_by_readiness_band import ProgrammeMentoringOutMentoredByReadinessBand





T = TypeVar("T", bound="ProgrammeMentoringOut")



@_attrs_define
class ProgrammeMentoringOut:
    """ Mentoring (pendampingan) of the programme's cooperatives.

        Attributes:
            by_focus (ProgrammeMentoringOutByFocus): Records per focus (capital, market ...).
            cooperatives_mentored (int): With at least one mentoring record.
            mentored_by_readiness_band (ProgrammeMentoringOutMentoredByReadinessBand):
            open_records (int): Records without an end date: mentoring under way.
            records (int):
     """

    by_focus: ProgrammeMentoringOutByFocus
    cooperatives_mentored: int
    mentored_by_readiness_band: ProgrammeMentoringOutMentoredByReadinessBand
    open_records: int
    records: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.programme_mentoring_out_by_focus import ProgrammeMentoringOutByFocus # noqa: PLC0415
        from ..models.programme_mentoring_out_mentored_by_readiness_band import ProgrammeMentoringOutMentoredByReadinessBand # noqa: PLC0415
        by_focus = self.by_focus.to_dict()

        cooperatives_mentored = self.cooperatives_mentored

        mentored_by_readiness_band = self.mentored_by_readiness_band.to_dict()

        open_records = self.open_records

        records = self.records


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "by_focus": by_focus,
            "cooperatives_mentored": cooperatives_mentored,
            "mentored_by_readiness_band": mentored_by_readiness_band,
            "open_records": open_records,
            "records": records,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.programme_mentoring_out_by_focus import ProgrammeMentoringOutByFocus # noqa: PLC0415
        from ..models.programme_mentoring_out_mentored_by_readiness_band import ProgrammeMentoringOutMentoredByReadinessBand # noqa: PLC0415
        d = dict(src_dict)
        by_focus = ProgrammeMentoringOutByFocus.from_dict(d.pop("by_focus"))




        cooperatives_mentored = d.pop("cooperatives_mentored")

        mentored_by_readiness_band = ProgrammeMentoringOutMentoredByReadinessBand.from_dict(d.pop("mentored_by_readiness_band"))




        open_records = d.pop("open_records")

        records = d.pop("records")

        programme_mentoring_out = cls(
            by_focus=by_focus,
            cooperatives_mentored=cooperatives_mentored,
            mentored_by_readiness_band=mentored_by_readiness_band,
            open_records=open_records,
            records=records,
        )


        programme_mentoring_out.additional_properties = d
        return programme_mentoring_out

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
