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
  from ..models.collection_row_out import CollectionRowOut





T = TypeVar("T", bound="CollectionOut")



@_attrs_define
class CollectionOut:
    """ 
        Attributes:
            as_of (datetime.date):
            fund_id (UUID):
            rows (list[CollectionRowOut]):
     """

    as_of: datetime.date
    fund_id: UUID
    rows: list[CollectionRowOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.collection_row_out import CollectionRowOut # noqa: PLC0415
        as_of = self.as_of.isoformat()

        fund_id = str(self.fund_id)

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "fund_id": fund_id,
            "rows": rows,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.collection_row_out import CollectionRowOut # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        fund_id = UUID(d.pop("fund_id"))




        rows = []
        _rows = d.pop("rows")
        for rows_item_data in (_rows):
            rows_item = CollectionRowOut.from_dict(rows_item_data)



            rows.append(rows_item)


        collection_out = cls(
            as_of=as_of,
            fund_id=fund_id,
            rows=rows,
        )


        collection_out.additional_properties = d
        return collection_out

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
