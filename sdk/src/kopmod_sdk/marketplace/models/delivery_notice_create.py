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






T = TypeVar("T", bound="DeliveryNoticeCreate")



@_attrs_define
class DeliveryNoticeCreate:
    """ The cooperative's notice that it delivered.

        Attributes:
            delivered_on (datetime.date):
            quantity_delivered (str): In the base unit.
            milestone_id (None | Unset | UUID): The milestone delivered against; the earliest open one if omitted.
            note (None | str | Unset): E.g. the delivery note or truck number.
     """

    delivered_on: datetime.date
    quantity_delivered: str
    milestone_id: None | Unset | UUID = UNSET
    note: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        delivered_on = self.delivered_on.isoformat()

        quantity_delivered = self.quantity_delivered

        milestone_id: None | str | Unset
        if isinstance(self.milestone_id, Unset):
            milestone_id = UNSET
        elif isinstance(self.milestone_id, UUID):
            milestone_id = str(self.milestone_id)
        else:
            milestone_id = self.milestone_id

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "delivered_on": delivered_on,
            "quantity_delivered": quantity_delivered,
        })
        if milestone_id is not UNSET:
            field_dict["milestone_id"] = milestone_id
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        delivered_on = datetime.date.fromisoformat(d.pop("delivered_on"))




        quantity_delivered = d.pop("quantity_delivered")

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


        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        delivery_notice_create = cls(
            delivered_on=delivered_on,
            quantity_delivered=quantity_delivered,
            milestone_id=milestone_id,
            note=note,
        )

        return delivery_notice_create

