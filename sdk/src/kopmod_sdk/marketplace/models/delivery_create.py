from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="DeliveryCreate")



@_attrs_define
class DeliveryCreate:
    """ 
        Attributes:
            delivered_on (datetime.date):
            quantity_accepted (str): What passed inspection, in the base unit.
            quantity_delivered (str): In the base unit.
            grade_at_receipt (None | str | Unset):
            milestone_id (None | Unset | UUID): The milestone delivered against; the earliest open one if omitted.
            rejection_reason (None | str | Unset): Required when less is accepted than delivered.
     """

    delivered_on: datetime.date
    quantity_accepted: str
    quantity_delivered: str
    grade_at_receipt: None | str | Unset = UNSET
    milestone_id: None | Unset | UUID = UNSET
    rejection_reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        delivered_on = self.delivered_on.isoformat()

        quantity_accepted = self.quantity_accepted

        quantity_delivered = self.quantity_delivered

        grade_at_receipt: None | str | Unset
        if isinstance(self.grade_at_receipt, Unset):
            grade_at_receipt = UNSET
        else:
            grade_at_receipt = self.grade_at_receipt

        milestone_id: None | str | Unset
        if isinstance(self.milestone_id, Unset):
            milestone_id = UNSET
        elif isinstance(self.milestone_id, UUID):
            milestone_id = str(self.milestone_id)
        else:
            milestone_id = self.milestone_id

        rejection_reason: None | str | Unset
        if isinstance(self.rejection_reason, Unset):
            rejection_reason = UNSET
        else:
            rejection_reason = self.rejection_reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "delivered_on": delivered_on,
            "quantity_accepted": quantity_accepted,
            "quantity_delivered": quantity_delivered,
        })
        if grade_at_receipt is not UNSET:
            field_dict["grade_at_receipt"] = grade_at_receipt
        if milestone_id is not UNSET:
            field_dict["milestone_id"] = milestone_id
        if rejection_reason is not UNSET:
            field_dict["rejection_reason"] = rejection_reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        delivered_on = datetime.date.fromisoformat(d.pop("delivered_on"))




        quantity_accepted = d.pop("quantity_accepted")

        quantity_delivered = d.pop("quantity_delivered")

        def _parse_grade_at_receipt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grade_at_receipt = _parse_grade_at_receipt(d.pop("grade_at_receipt", UNSET))


        def _parse_milestone_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                milestone_id_type_0 = UUID(data)



                return milestone_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        milestone_id = _parse_milestone_id(d.pop("milestone_id", UNSET))


        def _parse_rejection_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rejection_reason = _parse_rejection_reason(d.pop("rejection_reason", UNSET))


        delivery_create = cls(
            delivered_on=delivered_on,
            quantity_accepted=quantity_accepted,
            quantity_delivered=quantity_delivered,
            grade_at_receipt=grade_at_receipt,
            milestone_id=milestone_id,
            rejection_reason=rejection_reason,
        )

        return delivery_create

