from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="BusinessDateSet")



@_attrs_define
class BusinessDateSet:
    """ 
        Attributes:
            business_date (datetime.date):
     """

    business_date: datetime.date





    def to_dict(self) -> dict[str, Any]:
        business_date = self.business_date.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "business_date": business_date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        business_date = datetime.date.fromisoformat(d.pop("business_date"))




        business_date_set = cls(
            business_date=business_date,
        )

        return business_date_set

