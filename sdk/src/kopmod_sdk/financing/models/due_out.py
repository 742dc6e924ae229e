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
  from ..models.due_row_out import DueRowOut





T = TypeVar("T", bound="DueOut")



@_attrs_define
class DueOut:
    """ 
        Attributes:
            date_from (datetime.date):
            date_to (datetime.date):
            fund_id (UUID):
            rows (list[DueRowOut]):
            total (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
     """

    date_from: datetime.date
    date_to: datetime.date
    fund_id: UUID
    rows: list[DueRowOut]
    total: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.due_row_out import DueRowOut # noqa: PLC0415
        date_from = self.date_from.isoformat()

        date_to = self.date_to.isoformat()

        fund_id = str(self.fund_id)

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)



        total = self.total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "date_from": date_from,
            "date_to": date_to,
            "fund_id": fund_id,
            "rows": rows,
            "total": total,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.due_row_out import DueRowOut # noqa: PLC0415
        d = dict(src_dict)
        date_from = datetime.date.fromisoformat(d.pop("date_from"))




        date_to = datetime.date.fromisoformat(d.pop("date_to"))




        fund_id = UUID(d.pop("fund_id"))




        rows = []
        _rows = d.pop("rows")
        for rows_item_data in (_rows):
            rows_item = DueRowOut.from_dict(rows_item_data)



            rows.append(rows_item)


        total = d.pop("total")

        due_out = cls(
            date_from=date_from,
            date_to=date_to,
            fund_id=fund_id,
            rows=rows,
            total=total,
        )


        due_out.additional_properties = d
        return due_out

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
