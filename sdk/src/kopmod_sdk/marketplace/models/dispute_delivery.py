from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="DisputeDelivery")



@_attrs_define
class DisputeDelivery:
    """ 
        Attributes:
            delivered_on (datetime.date):
            grade_at_receipt (None | str):
            quantity_accepted (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            quantity_delivered (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            rejection_reason (None | str):
     """

    delivered_on: datetime.date
    grade_at_receipt: None | str
    quantity_accepted: str
    quantity_delivered: str
    rejection_reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        delivered_on = self.delivered_on.isoformat()

        grade_at_receipt: None | str
        grade_at_receipt = self.grade_at_receipt

        quantity_accepted = self.quantity_accepted

        quantity_delivered = self.quantity_delivered

        rejection_reason: None | str
        rejection_reason = self.rejection_reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "delivered_on": delivered_on,
            "grade_at_receipt": grade_at_receipt,
            "quantity_accepted": quantity_accepted,
            "quantity_delivered": quantity_delivered,
            "rejection_reason": rejection_reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        delivered_on = datetime.date.fromisoformat(d.pop("delivered_on"))




        def _parse_grade_at_receipt(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        grade_at_receipt = _parse_grade_at_receipt(d.pop("grade_at_receipt"))


        quantity_accepted = d.pop("quantity_accepted")

        quantity_delivered = d.pop("quantity_delivered")

        def _parse_rejection_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rejection_reason = _parse_rejection_reason(d.pop("rejection_reason"))


        dispute_delivery = cls(
            delivered_on=delivered_on,
            grade_at_receipt=grade_at_receipt,
            quantity_accepted=quantity_accepted,
            quantity_delivered=quantity_delivered,
            rejection_reason=rejection_reason,
        )


        dispute_delivery.additional_properties = d
        return dispute_delivery

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
