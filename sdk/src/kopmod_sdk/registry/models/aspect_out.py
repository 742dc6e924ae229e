from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.aspect_name import AspectName
from ..models.source import Source
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.aspect_out_evidence import AspectOutEvidence





T = TypeVar("T", bound="AspectOut")



@_attrs_define
class AspectOut:
    """ 
        Attributes:
            available (bool): False when that service did not answer in time.
            evidence (AspectOutEvidence): The figures the score was computed from.
            met (bool | None): Score at or above `met_at`; null when unavailable.
            met_at (int):
            name (AspectName):
            reasons (list[str]): How the points were earned, rule by rule.
            score (int | None): 0-100; null when unavailable.
            source (Source):
            sources (list[Source]): Every service the aspect's evidence comes from (`source` first); the aspect is
                unavailable when any of them is.
            unavailable_reason (None | str | Unset):
     """

    available: bool
    evidence: AspectOutEvidence
    met: bool | None
    met_at: int
    name: AspectName
    reasons: list[str]
    score: int | None
    source: Source
    sources: list[Source]
    unavailable_reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.aspect_out_evidence import AspectOutEvidence # noqa: PLC0415
        available = self.available

        evidence = self.evidence.to_dict()

        met: bool | None
        met = self.met

        met_at = self.met_at

        name = self.name.value

        reasons = self.reasons



        score: int | None
        score = self.score

        source = self.source.value

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.value
            sources.append(sources_item)



        unavailable_reason: None | str | Unset
        if isinstance(self.unavailable_reason, Unset):
            unavailable_reason = UNSET
        else:
            unavailable_reason = self.unavailable_reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "available": available,
            "evidence": evidence,
            "met": met,
            "met_at": met_at,
            "name": name,
            "reasons": reasons,
            "score": score,
            "source": source,
            "sources": sources,
        })
        if unavailable_reason is not UNSET:
            field_dict["unavailable_reason"] = unavailable_reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aspect_out_evidence import AspectOutEvidence # noqa: PLC0415
        d = dict(src_dict)
        available = d.pop("available")

        evidence = AspectOutEvidence.from_dict(d.pop("evidence"))




        def _parse_met(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        met = _parse_met(d.pop("met"))


        met_at = d.pop("met_at")

        name = AspectName(d.pop("name"))




        reasons = cast(list[str], d.pop("reasons"))


        def _parse_score(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        score = _parse_score(d.pop("score"))


        source = Source(d.pop("source"))




        sources = []
        _sources = d.pop("sources")
        for sources_item_data in (_sources):
            sources_item = Source(sources_item_data)



            sources.append(sources_item)


        def _parse_unavailable_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unavailable_reason = _parse_unavailable_reason(d.pop("unavailable_reason", UNSET))


        aspect_out = cls(
            available=available,
            evidence=evidence,
            met=met,
            met_at=met_at,
            name=name,
            reasons=reasons,
            score=score,
            source=source,
            sources=sources,
            unavailable_reason=unavailable_reason,
        )


        aspect_out.additional_properties = d
        return aspect_out

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
