from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="DueRowOut")



@_attrs_define
class DueRowOut:
    """ 
        Attributes:
            cooperative_id (UUID):
            due_date (datetime.date):
            installment (int):
            loan_id (UUID):
            unpaid (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
     """

    cooperative_id: UUID
    due_date: datetime.date
    installment: int
    loan_id: UUID
    unpaid: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cooperative_id = str(self.cooperative_id)

        due_date = self.due_date.isoformat()

        installment = self.installment

        loan_id = str(self.loan_id)

        unpaid = self.unpaid


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cooperative_id": cooperative_id,
            "due_date": due_date,
            "installment": installment,
            "loan_id": loan_id,
            "unpaid": unpaid,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cooperative_id = UUID(d.pop("cooperative_id"))




        due_date = datetime.date.fromisoformat(d.pop("due_date"))




        installment = d.pop("installment")

        loan_id = UUID(d.pop("loan_id"))




        unpaid = d.pop("unpaid")

        due_row_out = cls(
            cooperative_id=cooperative_id,
            due_date=due_date,
            installment=installment,
            loan_id=loan_id,
            unpaid=unpaid,
        )


        due_row_out.additional_properties = d
        return due_row_out

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
