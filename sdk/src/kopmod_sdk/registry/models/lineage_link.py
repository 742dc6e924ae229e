from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.restructuring_kind import RestructuringKind
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.cooperative_summary import CooperativeSummary





T = TypeVar("T", bound="LineageLink")



@_attrs_define
class LineageLink:
    """ One step of a cooperative's lineage: ``cooperative`` came before (or after) ``via``.

        Attributes:
            cooperative (CooperativeSummary):
            depth (int): 1 for a direct predecessor or successor.
            effective_on (datetime.date):
            kind (RestructuringKind):
            restructuring_id (UUID):
            via (UUID): The cooperative one step closer to the one asked about.
     """

    cooperative: CooperativeSummary
    depth: int
    effective_on: datetime.date
    kind: RestructuringKind
    restructuring_id: UUID
    via: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.cooperative_summary import CooperativeSummary # noqa: PLC0415
        cooperative = self.cooperative.to_dict()

        depth = self.depth

        effective_on = self.effective_on.isoformat()

        kind = self.kind.value

        restructuring_id = str(self.restructuring_id)

        via = str(self.via)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cooperative": cooperative,
            "depth": depth,
            "effective_on": effective_on,
            "kind": kind,
            "restructuring_id": restructuring_id,
            "via": via,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cooperative_summary import CooperativeSummary # noqa: PLC0415
        d = dict(src_dict)
        cooperative = CooperativeSummary.from_dict(d.pop("cooperative"))




        depth = d.pop("depth")

        effective_on = datetime.date.fromisoformat(d.pop("effective_on"))




        kind = RestructuringKind(d.pop("kind"))




        restructuring_id = UUID(d.pop("restructuring_id"))




        via = UUID(d.pop("via"))




        lineage_link = cls(
            cooperative=cooperative,
            depth=depth,
            effective_on=effective_on,
            kind=kind,
            restructuring_id=restructuring_id,
            via=via,
        )


        lineage_link.additional_properties = d
        return lineage_link

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
