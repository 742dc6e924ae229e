from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="DeliveryOut")



@_attrs_define
class DeliveryOut:
    """ 
        Attributes:
            contract_id (UUID):
            created_at (datetime.datetime):
            delivered_on (datetime.date):
            grade_at_receipt (None | str):
            id (UUID):
            milestone_id (UUID):
            quantity_accepted (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            quantity_delivered (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            recorded_by (str):
            rejection_reason (None | str):
     """

    contract_id: UUID
    created_at: datetime.datetime
    delivered_on: datetime.date
    grade_at_receipt: None | str
    id: UUID
    milestone_id: UUID
    quantity_accepted: str
    quantity_delivered: str
    recorded_by: str
    rejection_reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        contract_id = str(self.contract_id)

        created_at = self.created_at.isoformat()

        delivered_on = self.delivered_on.isoformat()

        grade_at_receipt: None | str
        grade_at_receipt = self.grade_at_receipt

        id = str(self.id)

        milestone_id = str(self.milestone_id)

        quantity_accepted = self.quantity_accepted

        quantity_delivered = self.quantity_delivered

        recorded_by = self.recorded_by

        rejection_reason: None | str
        rejection_reason = self.rejection_reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contract_id": contract_id,
            "created_at": created_at,
            "delivered_on": delivered_on,
            "grade_at_receipt": grade_at_receipt,
            "id": id,
            "milestone_id": milestone_id,
            "quantity_accepted": quantity_accepted,
            "quantity_delivered": quantity_delivered,
            "recorded_by": recorded_by,
            "rejection_reason": rejection_reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contract_id = UUID(d.pop("contract_id"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        delivered_on = datetime.date.fromisoformat(d.pop("delivered_on"))




        def _parse_grade_at_receipt(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        grade_at_receipt = _parse_grade_at_receipt(d.pop("grade_at_receipt"))


        id = UUID(d.pop("id"))




        milestone_id = UUID(d.pop("milestone_id"))




        quantity_accepted = d.pop("quantity_accepted")

        quantity_delivered = d.pop("quantity_delivered")

        recorded_by = d.pop("recorded_by")

        def _parse_rejection_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rejection_reason = _parse_rejection_reason(d.pop("rejection_reason"))


        delivery_out = cls(
            contract_id=contract_id,
            created_at=created_at,
            delivered_on=delivered_on,
            grade_at_receipt=grade_at_receipt,
            id=id,
            milestone_id=milestone_id,
            quantity_accepted=quantity_accepted,
            quantity_delivered=quantity_delivered,
            recorded_by=recorded_by,
            rejection_reason=rejection_reason,
        )


        delivery_out.additional_properties = d
        return delivery_out

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
