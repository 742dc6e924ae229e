from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.fund_point_out import FundPointOut





T = TypeVar("T", bound="FundHistoryOut")



@_attrs_define
class FundHistoryOut:
    """ 
        Attributes:
            fund_id (UUID):
            points (list[FundPointOut]):
     """

    fund_id: UUID
    points: list[FundPointOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.fund_point_out import FundPointOut # noqa: PLC0415
        fund_id = str(self.fund_id)

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "fund_id": fund_id,
            "points": points,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fund_point_out import FundPointOut # noqa: PLC0415
        d = dict(src_dict)
        fund_id = UUID(d.pop("fund_id"))




        points = []
        _points = d.pop("points")
        for points_item_data in (_points):
            points_item = FundPointOut.from_dict(points_item_data)



            points.append(points_item)


        fund_history_out = cls(
            fund_id=fund_id,
            points=points,
        )


        fund_history_out.additional_properties = d
        return fund_history_out

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
