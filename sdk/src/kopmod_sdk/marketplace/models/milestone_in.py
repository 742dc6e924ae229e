from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="MilestoneIn")



@_attrs_define
class MilestoneIn:
    """ 
        Attributes:
            due_date (datetime.date):
            quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; greater than 0. A JSON
                integer within the same digit limit is accepted as well.
     """

    due_date: datetime.date
    quantity: str





    def to_dict(self) -> dict[str, Any]:
        due_date = self.due_date.isoformat()

        quantity = self.quantity


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "due_date": due_date,
            "quantity": quantity,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        due_date = datetime.date.fromisoformat(d.pop("due_date"))




        quantity = d.pop("quantity")

        milestone_in = cls(
            due_date=due_date,
            quantity=quantity,
        )

        return milestone_in

