from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.dispute_status import DisputeStatus
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="DisputeView")



@_attrs_define
class DisputeView:
    """ A dispute over a delivery, with the contract's parties and commodity.

        Attributes:
            awarded_quantity (None | str):
            base_unit (str):
            claimed_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            commodity_code (str):
            contract_id (UUID):
            cooperative_id (UUID):
            cooperative_name (str):
            created_at (datetime.datetime):
            delivery_id (UUID):
            id (UUID):
            offtaker_id (UUID):
            offtaker_name (str):
            raised_by (str): `cooperative` or `offtaker`.
            reason (str):
            resolution (None | str):
            resolved_at (datetime.datetime | None):
            resolved_by (None | str):
            status (DisputeStatus):
     """

    awarded_quantity: None | str
    base_unit: str
    claimed_quantity: str
    commodity_code: str
    contract_id: UUID
    cooperative_id: UUID
    cooperative_name: str
    created_at: datetime.datetime
    delivery_id: UUID
    id: UUID
    offtaker_id: UUID
    offtaker_name: str
    raised_by: str
    reason: str
    resolution: None | str
    resolved_at: datetime.datetime | None
    resolved_by: None | str
    status: DisputeStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        awarded_quantity: None | str
        awarded_quantity = self.awarded_quantity

        base_unit = self.base_unit

        claimed_quantity = self.claimed_quantity

        commodity_code = self.commodity_code

        contract_id = str(self.contract_id)

        cooperative_id = str(self.cooperative_id)

        cooperative_name = self.cooperative_name

        created_at = self.created_at.isoformat()

        delivery_id = str(self.delivery_id)

        id = str(self.id)

        offtaker_id = str(self.offtaker_id)

        offtaker_name = self.offtaker_name

        raised_by = self.raised_by

        reason = self.reason

        resolution: None | str
        resolution = self.resolution

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        resolved_by: None | str
        resolved_by = self.resolved_by

        status = self.status.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "awarded_quantity": awarded_quantity,
            "base_unit": base_unit,
            "claimed_quantity": claimed_quantity,
            "commodity_code": commodity_code,
            "contract_id": contract_id,
            "cooperative_id": cooperative_id,
            "cooperative_name": cooperative_name,
            "created_at": created_at,
            "delivery_id": delivery_id,
            "id": id,
            "offtaker_id": offtaker_id,
            "offtaker_name": offtaker_name,
            "raised_by": raised_by,
            "reason": reason,
            "resolution": resolution,
            "resolved_at": resolved_at,
            "resolved_by": resolved_by,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_awarded_quantity(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        awarded_quantity = _parse_awarded_quantity(d.pop("awarded_quantity"))


        base_unit = d.pop("base_unit")

        claimed_quantity = d.pop("claimed_quantity")

        commodity_code = d.pop("commodity_code")

        contract_id = UUID(d.pop("contract_id"))




        cooperative_id = UUID(d.pop("cooperative_id"))




        cooperative_name = d.pop("cooperative_name")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        delivery_id = UUID(d.pop("delivery_id"))




        id = UUID(d.pop("id"))




        offtaker_id = UUID(d.pop("offtaker_id"))




        offtaker_name = d.pop("offtaker_name")

        raised_by = d.pop("raised_by")

        reason = d.pop("reason")

        def _parse_resolution(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolution = _parse_resolution(d.pop("resolution"))


        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)



                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))


        def _parse_resolved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolved_by = _parse_resolved_by(d.pop("resolved_by"))


        status = DisputeStatus(d.pop("status"))




        dispute_view = cls(
            awarded_quantity=awarded_quantity,
            base_unit=base_unit,
            claimed_quantity=claimed_quantity,
            commodity_code=commodity_code,
            contract_id=contract_id,
            cooperative_id=cooperative_id,
            cooperative_name=cooperative_name,
            created_at=created_at,
            delivery_id=delivery_id,
            id=id,
            offtaker_id=offtaker_id,
            offtaker_name=offtaker_name,
            raised_by=raised_by,
            reason=reason,
            resolution=resolution,
            resolved_at=resolved_at,
            resolved_by=resolved_by,
            status=status,
        )


        dispute_view.additional_properties = d
        return dispute_view

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
