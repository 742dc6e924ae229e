from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.milestone_status import MilestoneStatus
from typing import cast
import datetime






T = TypeVar("T", bound="ScheduledDelivery")



@_attrs_define
class ScheduledDelivery:
    """ 
        Attributes:
            accepted_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            delivered_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            due_date (datetime.date):
            quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A JSON
                integer within the same digit limit is accepted as well.
            seq (int):
            status (MilestoneStatus):
     """

    accepted_quantity: str
    delivered_quantity: str
    due_date: datetime.date
    quantity: str
    seq: int
    status: MilestoneStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        accepted_quantity = self.accepted_quantity

        delivered_quantity = self.delivered_quantity

        due_date = self.due_date.isoformat()

        quantity = self.quantity

        seq = self.seq

        status = self.status.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accepted_quantity": accepted_quantity,
            "delivered_quantity": delivered_quantity,
            "due_date": due_date,
            "quantity": quantity,
            "seq": seq,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accepted_quantity = d.pop("accepted_quantity")

        delivered_quantity = d.pop("delivered_quantity")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))




        quantity = d.pop("quantity")

        seq = d.pop("seq")

        status = MilestoneStatus(d.pop("status"))




        scheduled_delivery = cls(
            accepted_quantity=accepted_quantity,
            delivered_quantity=delivered_quantity,
            due_date=due_date,
            quantity=quantity,
            seq=seq,
            status=status,
        )


        scheduled_delivery.additional_properties = d
        return scheduled_delivery

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
