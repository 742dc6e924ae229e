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
  from ..models.cooperative_fulfilment_line import CooperativeFulfilmentLine





T = TypeVar("T", bound="OfftakerFulfilment")



@_attrs_define
class OfftakerFulfilment:
    """ An offtaker's suppliers and how each has delivered.

        Attributes:
            as_of (datetime.date):
            cooperatives (list[CooperativeFulfilmentLine]): Per cooperative and commodity; lowest fulfilment first (nothing
                due last).
            offtaker_id (UUID):
     """

    as_of: datetime.date
    cooperatives: list[CooperativeFulfilmentLine]
    offtaker_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cooperative_fulfilment_line import CooperativeFulfilmentLine # noqa: PLC0415
        as_of = self.as_of.isoformat()

        cooperatives = []
        for cooperatives_item_data in self.cooperatives:
            cooperatives_item = cooperatives_item_data.to_dict()
            cooperatives.append(cooperatives_item)



        offtaker_id = str(self.offtaker_id)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "cooperatives": cooperatives,
            "offtaker_id": offtaker_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cooperative_fulfilment_line import CooperativeFulfilmentLine # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        cooperatives = []
        _cooperatives = d.pop("cooperatives")
        for cooperatives_item_data in (_cooperatives):
            cooperatives_item = CooperativeFulfilmentLine.from_dict(cooperatives_item_data)



            cooperatives.append(cooperatives_item)


        offtaker_id = UUID(d.pop("offtaker_id"))




        offtaker_fulfilment = cls(
            as_of=as_of,
            cooperatives=cooperatives,
            offtaker_id=offtaker_id,
        )


        offtaker_fulfilment.additional_properties = d
        return offtaker_fulfilment

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
