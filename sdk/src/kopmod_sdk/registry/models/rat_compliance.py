from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="RatCompliance")



@_attrs_define
class RatCompliance:
    """ 
        Attributes:
            last_held_on (datetime.date | None):
            missed_years (list[int]): Years since founding whose RAT was due (by 30 June of the next year) and is not
                recorded, newest first.
            warning (bool): The two most recent due RATs were both missed.
            years_held (list[int]): Financial years with a RAT, newest first.
     """

    last_held_on: datetime.date | None
    missed_years: list[int]
    warning: bool
    years_held: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        last_held_on: None | str
        if isinstance(self.last_held_on, datetime.date):
            last_held_on = self.last_held_on.isoformat()
        else:
            last_held_on = self.last_held_on

        missed_years = self.missed_years



        warning = self.warning

        years_held = self.years_held




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "last_held_on": last_held_on,
            "missed_years": missed_years,
            "warning": warning,
            "years_held": years_held,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_last_held_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_held_on_type_0 = datetime.date.fromisoformat(data)



                return last_held_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        last_held_on = _parse_last_held_on(d.pop("last_held_on"))


        missed_years = cast(list[int], d.pop("missed_years"))


        warning = d.pop("warning")

        years_held = cast(list[int], d.pop("years_held"))


        rat_compliance = cls(
            last_held_on=last_held_on,
            missed_years=missed_years,
            warning=warning,
            years_held=years_held,
        )


        rat_compliance.additional_properties = d
        return rat_compliance

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
