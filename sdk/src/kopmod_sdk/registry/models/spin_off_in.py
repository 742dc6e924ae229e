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

if TYPE_CHECKING:
  from ..models.cooperative_create import CooperativeCreate
  from ..models.moved_asset import MovedAsset





T = TypeVar("T", bound="SpinOffIn")



@_attrs_define
class SpinOffIn:
    """ Pemekaran usaha: ``parent_id`` founds a new cooperative in another sector.

        Attributes:
            effective_on (datetime.date): Date the amended articles took effect.
            parent_id (UUID):
            successor (CooperativeCreate):
            decree_number (None | str | Unset):
            moved_assets (list[MovedAsset] | Unset): The parent's loans, applications, offers, proposals or contracts that
                move to the new cooperative (financing and marketplace move them when they hear of the spin-off); empty: nothing
                moves.
            note (None | str | Unset):
            reason (None | str | Unset): Why; required when the successor is in another province than a predecessor.
     """

    effective_on: datetime.date
    parent_id: UUID
    successor: CooperativeCreate
    decree_number: None | str | Unset = UNSET
    moved_assets: list[MovedAsset] | Unset = UNSET
    note: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.cooperative_create import CooperativeCreate # noqa: PLC0415
        from ..models.moved_asset import MovedAsset # noqa: PLC0415
        effective_on = self.effective_on.isoformat()

        parent_id = str(self.parent_id)

        successor = self.successor.to_dict()

        decree_number: None | str | Unset
        if isinstance(self.decree_number, Unset):
            decree_number = UNSET
        else:
            decree_number = self.decree_number

        moved_assets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.moved_assets, Unset):
            moved_assets = []
            for moved_assets_item_data in self.moved_assets:
                moved_assets_item = moved_assets_item_data.to_dict()
                moved_assets.append(moved_assets_item)



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
            "parent_id": parent_id,
            "successor": successor,
        })
        if decree_number is not UNSET:
            field_dict["decree_number"] = decree_number
        if moved_assets is not UNSET:
            field_dict["moved_assets"] = moved_assets
        if note is not UNSET:
            field_dict["note"] = note
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cooperative_create import CooperativeCreate # noqa: PLC0415
        from ..models.moved_asset import MovedAsset # noqa: PLC0415
        d = dict(src_dict)
        effective_on = datetime.date.fromisoformat(d.pop("effective_on"))




        parent_id = UUID(d.pop("parent_id"))




        successor = CooperativeCreate.from_dict(d.pop("successor"))




        def _parse_decree_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decree_number = _parse_decree_number(d.pop("decree_number", UNSET))


        _moved_assets = d.pop("moved_assets", UNSET)
        moved_assets: list[MovedAsset] | Unset = UNSET
        if _moved_assets is not UNSET:
            moved_assets = []
            for moved_assets_item_data in _moved_assets:
                moved_assets_item = MovedAsset.from_dict(moved_assets_item_data)



                moved_assets.append(moved_assets_item)


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


        spin_off_in = cls(
            effective_on=effective_on,
            parent_id=parent_id,
            successor=successor,
            decree_number=decree_number,
            moved_assets=moved_assets,
            note=note,
            reason=reason,
        )

        return spin_off_in

