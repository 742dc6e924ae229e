from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="BusinessDateOut")



@_attrs_define
class BusinessDateOut:
    """ 
        Attributes:
            business_date (datetime.date):
            fund_id (UUID):
     """

    business_date: datetime.date
    fund_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        business_date = self.business_date.isoformat()

        fund_id = str(self.fund_id)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "business_date": business_date,
            "fund_id": fund_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        business_date = datetime.date.fromisoformat(d.pop("business_date"))




        fund_id = UUID(d.pop("fund_id"))




        business_date_out = cls(
            business_date=business_date,
            fund_id=fund_id,
        )


        business_date_out.additional_properties = d
        return business_date_out

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
