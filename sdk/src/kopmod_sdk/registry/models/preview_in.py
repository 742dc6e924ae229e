from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.restructuring_kind import RestructuringKind
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.cooperative_create import CooperativeCreate
  from ..models.moved_asset import MovedAsset





T = TypeVar("T", bound="PreviewIn")



@_attrs_define
class PreviewIn:
    """ A restructuring not yet recorded: the same parties as the recording requests.

        Attributes:
            kind (RestructuringKind):
            moved_assets (list[MovedAsset] | Unset):
            parent_id (None | Unset | UUID): Spin-off: the parent.
            predecessor_ids (list[UUID] | Unset): Merger (one or more) and fusion (two or more): who is absorbed.
            reason (None | str | Unset): Why; required when the successor is in another province than a predecessor.
            successor (CooperativeCreate | None | Unset): Fusion and spin-off: the new cooperative as it would be registered
                (optional here; its name and region make the preview clearer).
            successor_id (None | Unset | UUID): Merger: who absorbs them.
     """

    kind: RestructuringKind
    moved_assets: list[MovedAsset] | Unset = UNSET
    parent_id: None | Unset | UUID = UNSET
    predecessor_ids: list[UUID] | Unset = UNSET
    reason: None | str | Unset = UNSET
    successor: CooperativeCreate | None | Unset = UNSET
    successor_id: None | Unset | UUID = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.cooperative_create import CooperativeCreate # noqa: PLC0415
        from ..models.moved_asset import MovedAsset # noqa: PLC0415
        kind = self.kind.value

        moved_assets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.moved_assets, Unset):
            moved_assets = []
            for moved_assets_item_data in self.moved_assets:
                moved_assets_item = moved_assets_item_data.to_dict()
                moved_assets.append(moved_assets_item)



        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        predecessor_ids: list[str] | Unset = UNSET
        if not isinstance(self.predecessor_ids, Unset):
            predecessor_ids = []
            for predecessor_ids_item_data in self.predecessor_ids:
                predecessor_ids_item = str(predecessor_ids_item_data)
                predecessor_ids.append(predecessor_ids_item)



        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        successor: dict[str, Any] | None | Unset
        if isinstance(self.successor, Unset):
            successor = UNSET
        elif isinstance(self.successor, CooperativeCreate):
            successor = self.successor.to_dict()
        else:
            successor = self.successor

        successor_id: None | str | Unset
        if isinstance(self.successor_id, Unset):
            successor_id = UNSET
        elif isinstance(self.successor_id, UUID):
            successor_id = str(self.successor_id)
        else:
            successor_id = self.successor_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
        })
        if moved_assets is not UNSET:
            field_dict["moved_assets"] = moved_assets
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if predecessor_ids is not UNSET:
            field_dict["predecessor_ids"] = predecessor_ids
        if reason is not UNSET:
            field_dict["reason"] = reason
        if successor is not UNSET:
            field_dict["successor"] = successor
        if successor_id is not UNSET:
            field_dict["successor_id"] = successor_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cooperative_create import CooperativeCreate # noqa: PLC0415
        from ..models.moved_asset import MovedAsset # noqa: PLC0415
        d = dict(src_dict)
        kind = RestructuringKind(d.pop("kind"))




        _moved_assets = d.pop("moved_assets", UNSET)
        moved_assets: list[MovedAsset] | Unset = UNSET
        if _moved_assets is not UNSET:
            moved_assets = []
            for moved_assets_item_data in _moved_assets:
                moved_assets_item = MovedAsset.from_dict(moved_assets_item_data)



                moved_assets.append(moved_assets_item)


        def _parse_parent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)



                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))


        _predecessor_ids = d.pop("predecessor_ids", UNSET)
        predecessor_ids: list[UUID] | Unset = UNSET
        if _predecessor_ids is not UNSET:
            predecessor_ids = []
            for predecessor_ids_item_data in _predecessor_ids:
                predecessor_ids_item = UUID(predecessor_ids_item_data)



                predecessor_ids.append(predecessor_ids_item)


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        def _parse_successor(data: object) -> CooperativeCreate | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                successor_type_0 = CooperativeCreate.from_dict(data)



                return successor_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CooperativeCreate | None | Unset, data)

        successor = _parse_successor(d.pop("successor", UNSET))


        def _parse_successor_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                successor_id_type_0 = UUID(data)



                return successor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        successor_id = _parse_successor_id(d.pop("successor_id", UNSET))


        preview_in = cls(
            kind=kind,
            moved_assets=moved_assets,
            parent_id=parent_id,
            predecessor_ids=predecessor_ids,
            reason=reason,
            successor=successor,
            successor_id=successor_id,
        )

        return preview_in

