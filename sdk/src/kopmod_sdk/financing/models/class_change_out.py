from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="ClassChangeOut")



@_attrs_define
class ClassChangeOut:
    """ 
        Attributes:
            days_past_due (int):
            from_class (int):
            loan_id (UUID):
            to_class (int):
     """

    days_past_due: int
    from_class: int
    loan_id: UUID
    to_class: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        days_past_due = self.days_past_due

        from_class = self.from_class

        loan_id = str(self.loan_id)

        to_class = self.to_class


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "days_past_due": days_past_due,
            "from_class": from_class,
            "loan_id": loan_id,
            "to_class": to_class,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        days_past_due = d.pop("days_past_due")

        from_class = d.pop("from_class")

        loan_id = UUID(d.pop("loan_id"))




        to_class = d.pop("to_class")

        class_change_out = cls(
            days_past_due=days_past_due,
            from_class=from_class,
            loan_id=loan_id,
            to_class=to_class,
        )


        class_change_out.additional_properties = d
        return class_change_out

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
