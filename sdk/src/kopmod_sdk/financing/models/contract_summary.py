from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.contract_status import ContractStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.scheduled_delivery import ScheduledDelivery





T = TypeVar("T", bound="ContractSummary")



@_attrs_define
class ContractSummary:
    """ A partnership contract (kemitraan) as evidence of a secured market, e.g. for financing.

        Attributes:
            accepted_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            base_unit (str): Unit of every quantity here.
            commodity_code (str):
            cooperative_id (UUID):
            cooperative_name (str):
            delivered_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            delivered_value (str): Value of the quantity accepted so far.
            fulfilment_rate (str): Accepted quantity over contract quantity.
            id (UUID):
            offtaker_id (UUID):
            offtaker_name (str):
            payment_days (int):
            quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A JSON
                integer within the same digit limit is accepted as well.
            remaining_value (str): Value still to be delivered and accepted.
            schedule (list[ScheduledDelivery]):
            signed_at (datetime.datetime | None):
            status (ContractStatus):
            unit_price (str): Rupiah per base unit.
            value (str): Contract value: quantity times unit price.
     """

    accepted_quantity: str
    base_unit: str
    commodity_code: str
    cooperative_id: UUID
    cooperative_name: str
    delivered_quantity: str
    delivered_value: str
    fulfilment_rate: str
    id: UUID
    offtaker_id: UUID
    offtaker_name: str
    payment_days: int
    quantity: str
    remaining_value: str
    schedule: list[ScheduledDelivery]
    signed_at: datetime.datetime | None
    status: ContractStatus
    unit_price: str
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.scheduled_delivery import ScheduledDelivery # noqa: PLC0415
        accepted_quantity = self.accepted_quantity

        base_unit = self.base_unit

        commodity_code = self.commodity_code

        cooperative_id = str(self.cooperative_id)

        cooperative_name = self.cooperative_name

        delivered_quantity = self.delivered_quantity

        delivered_value = self.delivered_value

        fulfilment_rate = self.fulfilment_rate

        id = str(self.id)

        offtaker_id = str(self.offtaker_id)

        offtaker_name = self.offtaker_name

        payment_days = self.payment_days

        quantity = self.quantity

        remaining_value = self.remaining_value

        schedule = []
        for schedule_item_data in self.schedule:
            schedule_item = schedule_item_data.to_dict()
            schedule.append(schedule_item)



        signed_at: None | str
        if isinstance(self.signed_at, datetime.datetime):
            signed_at = self.signed_at.isoformat()
        else:
            signed_at = self.signed_at

        status = self.status.value

        unit_price = self.unit_price

        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accepted_quantity": accepted_quantity,
            "base_unit": base_unit,
            "commodity_code": commodity_code,
            "cooperative_id": cooperative_id,
            "cooperative_name": cooperative_name,
            "delivered_quantity": delivered_quantity,
            "delivered_value": delivered_value,
            "fulfilment_rate": fulfilment_rate,
            "id": id,
            "offtaker_id": offtaker_id,
            "offtaker_name": offtaker_name,
            "payment_days": payment_days,
            "quantity": quantity,
            "remaining_value": remaining_value,
            "schedule": schedule,
            "signed_at": signed_at,
            "status": status,
            "unit_price": unit_price,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scheduled_delivery import ScheduledDelivery # noqa: PLC0415
        d = dict(src_dict)
        accepted_quantity = d.pop("accepted_quantity")

        base_unit = d.pop("base_unit")

        commodity_code = d.pop("commodity_code")

        cooperative_id = UUID(d.pop("cooperative_id"))




        cooperative_name = d.pop("cooperative_name")

        delivered_quantity = d.pop("delivered_quantity")

        delivered_value = d.pop("delivered_value")

        fulfilment_rate = d.pop("fulfilment_rate")

        id = UUID(d.pop("id"))




        offtaker_id = UUID(d.pop("offtaker_id"))




        offtaker_name = d.pop("offtaker_name")

        payment_days = d.pop("payment_days")

        quantity = d.pop("quantity")

        remaining_value = d.pop("remaining_value")

        schedule = []
        _schedule = d.pop("schedule")
        for schedule_item_data in (_schedule):
            schedule_item = ScheduledDelivery.from_dict(schedule_item_data)



            schedule.append(schedule_item)


        def _parse_signed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_at_type_0 = datetime.datetime.fromisoformat(data)



                return signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        signed_at = _parse_signed_at(d.pop("signed_at"))


        status = ContractStatus(d.pop("status"))




        unit_price = d.pop("unit_price")

        value = d.pop("value")

        contract_summary = cls(
            accepted_quantity=accepted_quantity,
            base_unit=base_unit,
            commodity_code=commodity_code,
            cooperative_id=cooperative_id,
            cooperative_name=cooperative_name,
            delivered_quantity=delivered_quantity,
            delivered_value=delivered_value,
            fulfilment_rate=fulfilment_rate,
            id=id,
            offtaker_id=offtaker_id,
            offtaker_name=offtaker_name,
            payment_days=payment_days,
            quantity=quantity,
            remaining_value=remaining_value,
            schedule=schedule,
            signed_at=signed_at,
            status=status,
            unit_price=unit_price,
            value=value,
        )


        contract_summary.additional_properties = d
        return contract_summary

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
