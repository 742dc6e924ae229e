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
  from ..models.schedule_row_out import ScheduleRowOut





T = TypeVar("T", bound="ScheduleOut")



@_attrs_define
class ScheduleOut:
    """ 
        Attributes:
            as_of (datetime.date):
            loan_id (UUID):
            rows (list[ScheduleRowOut]):
            total_interest (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            total_principal (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
     """

    as_of: datetime.date
    loan_id: UUID
    rows: list[ScheduleRowOut]
    total_interest: str
    total_principal: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.schedule_row_out import ScheduleRowOut # noqa: PLC0415
        as_of = self.as_of.isoformat()

        loan_id = str(self.loan_id)

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)



        total_interest = self.total_interest

        total_principal = self.total_principal


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "loan_id": loan_id,
            "rows": rows,
            "total_interest": total_interest,
            "total_principal": total_principal,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.schedule_row_out import ScheduleRowOut # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        loan_id = UUID(d.pop("loan_id"))




        rows = []
        _rows = d.pop("rows")
        for rows_item_data in (_rows):
            rows_item = ScheduleRowOut.from_dict(rows_item_data)



            rows.append(rows_item)


        total_interest = d.pop("total_interest")

        total_principal = d.pop("total_principal")

        schedule_out = cls(
            as_of=as_of,
            loan_id=loan_id,
            rows=rows,
            total_interest=total_interest,
            total_principal=total_principal,
        )


        schedule_out.additional_properties = d
        return schedule_out

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
