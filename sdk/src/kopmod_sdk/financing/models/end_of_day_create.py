from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="EndOfDayCreate")



@_attrs_define
class EndOfDayCreate:
    """ 
        Attributes:
            through (datetime.date): Close every business day up to and including this one. Days already closed are left
                alone, so running it again for the same date changes nothing (the date is required so that a retry never closes
                one more day).
     """

    through: datetime.date





    def to_dict(self) -> dict[str, Any]:
        through = self.through.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "through": through,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        through = datetime.date.fromisoformat(d.pop("through"))




        end_of_day_create = cls(
            through=through,
        )

        return end_of_day_create

