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
import datetime

if TYPE_CHECKING:
  from ..models.cooperative_summary import CooperativeSummary
  from ..models.moved_asset import MovedAsset





T = TypeVar("T", bound="RestructuringOut")



@_attrs_define
class RestructuringOut:
    """ 
        Attributes:
            created_at (datetime.datetime):
            decree_number (None | str):
            effective_on (datetime.date):
            id (UUID):
            kind (RestructuringKind):
            note (None | str):
            predecessors (list[CooperativeSummary]):
            reason (None | str):
            recorded_by (None | str):
            successors (list[CooperativeSummary]):
            moved_assets (list[MovedAsset] | Unset): Spin-off only: the parent's loans, applications, offers, proposals or
                contracts named to move to the new cooperative.
     """

    created_at: datetime.datetime
    decree_number: None | str
    effective_on: datetime.date
    id: UUID
    kind: RestructuringKind
    note: None | str
    predecessors: list[CooperativeSummary]
    reason: None | str
    recorded_by: None | str
    successors: list[CooperativeSummary]
    moved_assets: list[MovedAsset] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cooperative_summary import CooperativeSummary # noqa: PLC0415
        from ..models.moved_asset import MovedAsset # noqa: PLC0415
        created_at = self.created_at.isoformat()

        decree_number: None | str
        decree_number = self.decree_number

        effective_on = self.effective_on.isoformat()

        id = str(self.id)

        kind = self.kind.value

        note: None | str
        note = self.note

        predecessors = []
        for predecessors_item_data in self.predecessors:
            predecessors_item = predecessors_item_data.to_dict()
            predecessors.append(predecessors_item)



        reason: None | str
        reason = self.reason

        recorded_by: None | str
        recorded_by = self.recorded_by

        successors = []
        for successors_item_data in self.successors:
            successors_item = successors_item_data.to_dict()
            successors.append(successors_item)



        moved_assets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.moved_assets, Unset):
            moved_assets = []
            for moved_assets_item_data in self.moved_assets:
                moved_assets_item = moved_assets_item_data.to_dict()
                moved_assets.append(moved_assets_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created_at": created_at,
            "decree_number": decree_number,
            "effective_on": effective_on,
            "id": id,
            "kind": kind,
            "note": note,
            "predecessors": predecessors,
            "reason": reason,
            "recorded_by": recorded_by,
            "successors": successors,
        })
        if moved_assets is not UNSET:
            field_dict["moved_assets"] = moved_assets

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cooperative_summary import CooperativeSummary # noqa: PLC0415
        from ..models.moved_asset import MovedAsset # noqa: PLC0415
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_decree_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decree_number = _parse_decree_number(d.pop("decree_number"))


        effective_on = datetime.date.fromisoformat(d.pop("effective_on"))




        id = UUID(d.pop("id"))




        kind = RestructuringKind(d.pop("kind"))




        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        predecessors = []
        _predecessors = d.pop("predecessors")
        for predecessors_item_data in (_predecessors):
            predecessors_item = CooperativeSummary.from_dict(predecessors_item_data)



            predecessors.append(predecessors_item)


        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))


        def _parse_recorded_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recorded_by = _parse_recorded_by(d.pop("recorded_by"))


        successors = []
        _successors = d.pop("successors")
        for successors_item_data in (_successors):
            successors_item = CooperativeSummary.from_dict(successors_item_data)



            successors.append(successors_item)


        _moved_assets = d.pop("moved_assets", UNSET)
        moved_assets: list[MovedAsset] | Unset = UNSET
        if _moved_assets is not UNSET:
            moved_assets = []
            for moved_assets_item_data in _moved_assets:
                moved_assets_item = MovedAsset.from_dict(moved_assets_item_data)



                moved_assets.append(moved_assets_item)


        restructuring_out = cls(
            created_at=created_at,
            decree_number=decree_number,
            effective_on=effective_on,
            id=id,
            kind=kind,
            note=note,
            predecessors=predecessors,
            reason=reason,
            recorded_by=recorded_by,
            successors=successors,
            moved_assets=moved_assets,
        )


        restructuring_out.additional_properties = d
        return restructuring_out

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
