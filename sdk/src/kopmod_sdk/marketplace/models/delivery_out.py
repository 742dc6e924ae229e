from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.delivery_status import DeliveryStatus
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
            decided_at (datetime.datetime | None):
            delivered_on (datetime.date):
            grade_at_receipt (None | str):
            id (UUID):
            milestone_id (UUID):
            note (None | str): The cooperative's note with its notice.
            quantity_accepted (str): 0 while `notified`.
            quantity_delivered (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            received_by (None | str):
            recorded_by (str):
            rejection_reason (None | str):
            status (DeliveryStatus):
     """

    contract_id: UUID
    created_at: datetime.datetime
    decided_at: datetime.datetime | None
    delivered_on: datetime.date
    grade_at_receipt: None | str
    id: UUID
    milestone_id: UUID
    note: None | str
    quantity_accepted: str
    quantity_delivered: str
    received_by: None | str
    recorded_by: str
    rejection_reason: None | str
    status: DeliveryStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        contract_id = str(self.contract_id)

        created_at = self.created_at.isoformat()

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        delivered_on = self.delivered_on.isoformat()

        grade_at_receipt: None | str
        grade_at_receipt = self.grade_at_receipt

        id = str(self.id)

        milestone_id = str(self.milestone_id)

        note: None | str
        note = self.note

        quantity_accepted = self.quantity_accepted

        quantity_delivered = self.quantity_delivered

        received_by: None | str
        received_by = self.received_by

        recorded_by = self.recorded_by

        rejection_reason: None | str
        rejection_reason = self.rejection_reason

        status = self.status.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "contract_id": contract_id,
            "created_at": created_at,
            "decided_at": decided_at,
            "delivered_on": delivered_on,
            "grade_at_receipt": grade_at_receipt,
            "id": id,
            "milestone_id": milestone_id,
            "note": note,
            "quantity_accepted": quantity_accepted,
            "quantity_delivered": quantity_delivered,
            "received_by": received_by,
            "recorded_by": recorded_by,
            "rejection_reason": rejection_reason,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contract_id = UUID(d.pop("contract_id"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)



                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))


        delivered_on = datetime.date.fromisoformat(d.pop("delivered_on"))




        def _parse_grade_at_receipt(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        grade_at_receipt = _parse_grade_at_receipt(d.pop("grade_at_receipt"))


        id = UUID(d.pop("id"))




        milestone_id = UUID(d.pop("milestone_id"))




        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        quantity_accepted = d.pop("quantity_accepted")

        quantity_delivered = d.pop("quantity_delivered")

        def _parse_received_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        received_by = _parse_received_by(d.pop("received_by"))


        recorded_by = d.pop("recorded_by")

        def _parse_rejection_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rejection_reason = _parse_rejection_reason(d.pop("rejection_reason"))


        status = DeliveryStatus(d.pop("status"))




        delivery_out = cls(
            contract_id=contract_id,
            created_at=created_at,
            decided_at=decided_at,
            delivered_on=delivered_on,
            grade_at_receipt=grade_at_receipt,
            id=id,
            milestone_id=milestone_id,
            note=note,
            quantity_accepted=quantity_accepted,
            quantity_delivered=quantity_delivered,
            received_by=received_by,
            recorded_by=recorded_by,
            rejection_reason=rejection_reason,
            status=status,
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
