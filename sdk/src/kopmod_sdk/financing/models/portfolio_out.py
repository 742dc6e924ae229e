from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.bucket_out import BucketOut
  from ..models.flows_out import FlowsOut





T = TypeVar("T", bound="PortfolioOut")



@_attrs_define
class PortfolioOut:
    """ 
        Attributes:
            as_of (datetime.date):
            by_collectibility (list[BucketOut]):
            by_product (list[BucketOut]):
            by_province (list[BucketOut]):
            flows (FlowsOut):
            fund_id (UUID):
            total (BucketOut):
     """

    as_of: datetime.date
    by_collectibility: list[BucketOut]
    by_product: list[BucketOut]
    by_province: list[BucketOut]
    flows: FlowsOut
    fund_id: UUID
    total: BucketOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.bucket_out import BucketOut # noqa: PLC0415
        from ..models.flows_out import FlowsOut # noqa: PLC0415
        as_of = self.as_of.isoformat()

        by_collectibility = []
        for by_collectibility_item_data in self.by_collectibility:
            by_collectibility_item = by_collectibility_item_data.to_dict()
            by_collectibility.append(by_collectibility_item)



        by_product = []
        for by_product_item_data in self.by_product:
            by_product_item = by_product_item_data.to_dict()
            by_product.append(by_product_item)



        by_province = []
        for by_province_item_data in self.by_province:
            by_province_item = by_province_item_data.to_dict()
            by_province.append(by_province_item)



        flows = self.flows.to_dict()

        fund_id = str(self.fund_id)

        total = self.total.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "by_collectibility": by_collectibility,
            "by_product": by_product,
            "by_province": by_province,
            "flows": flows,
            "fund_id": fund_id,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bucket_out import BucketOut # noqa: PLC0415
        from ..models.flows_out import FlowsOut # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        by_collectibility = []
        _by_collectibility = d.pop("by_collectibility")
        for by_collectibility_item_data in (_by_collectibility):
            by_collectibility_item = BucketOut.from_dict(by_collectibility_item_data)



            by_collectibility.append(by_collectibility_item)


        by_product = []
        _by_product = d.pop("by_product")
        for by_product_item_data in (_by_product):
            by_product_item = BucketOut.from_dict(by_product_item_data)



            by_product.append(by_product_item)


        by_province = []
        _by_province = d.pop("by_province")
        for by_province_item_data in (_by_province):
            by_province_item = BucketOut.from_dict(by_province_item_data)



            by_province.append(by_province_item)


        flows = FlowsOut.from_dict(d.pop("flows"))




        fund_id = UUID(d.pop("fund_id"))




        total = BucketOut.from_dict(d.pop("total"))




        portfolio_out = cls(
            as_of=as_of,
            by_collectibility=by_collectibility,
            by_product=by_product,
            by_province=by_province,
            flows=flows,
            fund_id=fund_id,
            total=total,
        )


        portfolio_out.additional_properties = d
        return portfolio_out

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
