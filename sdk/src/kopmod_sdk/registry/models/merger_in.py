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






T = TypeVar("T", bound="MergerIn")



@_attrs_define
class MergerIn:
    """ Penggabungan: ``predecessor_ids`` are absorbed into the existing ``successor_id``.

        Attributes:
            effective_on (datetime.date): Date the amended articles took effect.
            predecessor_ids (list[UUID]):
            successor_id (UUID):
            decree_number (None | str | Unset):
            note (None | str | Unset):
            reason (None | str | Unset): Why; required when the successor is in another province than a predecessor.
     """

    effective_on: datetime.date
    predecessor_ids: list[UUID]
    successor_id: UUID
    decree_number: None | str | Unset = UNSET
    note: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        effective_on = self.effective_on.isoformat()

        predecessor_ids = []
        for predecessor_ids_item_data in self.predecessor_ids:
            predecessor_ids_item = str(predecessor_ids_item_data)
            predecessor_ids.append(predecessor_ids_item)



        successor_id = str(self.successor_id)

        decree_number: None | str | Unset
        if isinstance(self.decree_number, Unset):
            decree_number = UNSET
        else:
            decree_number = self.decree_number

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "effective_on": effective_on,
            "predecessor_ids": predecessor_ids,
            "successor_id": successor_id,
        })
        if decree_number is not UNSET:
            field_dict["decree_number"] = decree_number
        if note is not UNSET:
            field_dict["note"] = note
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        effective_on = datetime.date.fromisoformat(d.pop("effective_on"))




        predecessor_ids = []
        _predecessor_ids = d.pop("predecessor_ids")
        for predecessor_ids_item_data in (_predecessor_ids):
            predecessor_ids_item = UUID(predecessor_ids_item_data)



            predecessor_ids.append(predecessor_ids_item)


        successor_id = UUID(d.pop("successor_id"))




        def _parse_decree_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decree_number = _parse_decree_number(d.pop("decree_number", UNSET))


        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        merger_in = cls(
            effective_on=effective_on,
            predecessor_ids=predecessor_ids,
            successor_id=successor_id,
            decree_number=decree_number,
            note=note,
            reason=reason,
        )

        return merger_in

