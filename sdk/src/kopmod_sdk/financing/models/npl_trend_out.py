from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.npl_month_out import NplMonthOut





T = TypeVar("T", bound="NplTrendOut")



@_attrs_define
class NplTrendOut:
    """ 
        Attributes:
            fund_id (UUID):
            months (list[NplMonthOut]):
     """

    fund_id: UUID
    months: list[NplMonthOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.npl_month_out import NplMonthOut # noqa: PLC0415
        fund_id = str(self.fund_id)

        months = []
        for months_item_data in self.months:
            months_item = months_item_data.to_dict()
            months.append(months_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "fund_id": fund_id,
            "months": months,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.npl_month_out import NplMonthOut # noqa: PLC0415
        d = dict(src_dict)
        fund_id = UUID(d.pop("fund_id"))




        months = []
        _months = d.pop("months")
        for months_item_data in (_months):
            months_item = NplMonthOut.from_dict(months_item_data)



            months.append(months_item)


        npl_trend_out = cls(
            fund_id=fund_id,
            months=months,
        )


        npl_trend_out.additional_properties = d
        return npl_trend_out

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
