from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.interval import Interval
from ..models.recurrence_kind import RecurrenceKind
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Recurrence")



@_attrs_define
class Recurrence:
    """ 
        Attributes:
            interval (Interval | None | Unset):
            kind (RecurrenceKind | Unset):
            occurrences (int | None | Unset):
     """

    interval: Interval | None | Unset = UNSET
    kind: RecurrenceKind | Unset = UNSET
    occurrences: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        interval: None | str | Unset
        if isinstance(self.interval, Unset):
            interval = UNSET
        elif isinstance(self.interval, Interval):
            interval = self.interval.value
        else:
            interval = self.interval

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        occurrences: int | None | Unset
        if isinstance(self.occurrences, Unset):
            occurrences = UNSET
        else:
            occurrences = self.occurrences


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if interval is not UNSET:
            field_dict["interval"] = interval
        if kind is not UNSET:
            field_dict["kind"] = kind
        if occurrences is not UNSET:
            field_dict["occurrences"] = occurrences

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_interval(data: object) -> Interval | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                interval_type_0 = Interval(data)



                return interval_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Interval | None | Unset, data)

        interval = _parse_interval(d.pop("interval", UNSET))


        _kind = d.pop("kind", UNSET)
        kind: RecurrenceKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = RecurrenceKind(_kind)




        def _parse_occurrences(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        occurrences = _parse_occurrences(d.pop("occurrences", UNSET))


        recurrence = cls(
            interval=interval,
            kind=kind,
            occurrences=occurrences,
        )

        return recurrence

