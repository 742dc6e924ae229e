from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.class_change_out import ClassChangeOut





T = TypeVar("T", bound="ClosedDayOut")



@_attrs_define
class ClosedDayOut:
    """ 
        Attributes:
            business_date (datetime.date):
            class_changes (list[ClassChangeOut]):
            loans_processed (int):
            penalties_charged (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
     """

    business_date: datetime.date
    class_changes: list[ClassChangeOut]
    loans_processed: int
    penalties_charged: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.class_change_out import ClassChangeOut # noqa: PLC0415
        business_date = self.business_date.isoformat()

        class_changes = []
        for class_changes_item_data in self.class_changes:
            class_changes_item = class_changes_item_data.to_dict()
            class_changes.append(class_changes_item)



        loans_processed = self.loans_processed

        penalties_charged = self.penalties_charged


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "business_date": business_date,
            "class_changes": class_changes,
            "loans_processed": loans_processed,
            "penalties_charged": penalties_charged,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.class_change_out import ClassChangeOut # noqa: PLC0415
        d = dict(src_dict)
        business_date = datetime.date.fromisoformat(d.pop("business_date"))




        class_changes = []
        _class_changes = d.pop("class_changes")
        for class_changes_item_data in (_class_changes):
            class_changes_item = ClassChangeOut.from_dict(class_changes_item_data)



            class_changes.append(class_changes_item)


        loans_processed = d.pop("loans_processed")

        penalties_charged = d.pop("penalties_charged")

        closed_day_out = cls(
            business_date=business_date,
            class_changes=class_changes,
            loans_processed=loans_processed,
            penalties_charged=penalties_charged,
        )


        closed_day_out.additional_properties = d
        return closed_day_out

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
