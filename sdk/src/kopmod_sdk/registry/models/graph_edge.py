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






T = TypeVar("T", bound="GraphEdge")



@_attrs_define
class GraphEdge:
    """ 
        Attributes:
            effective_on (datetime.date | None):
            kind (RestructuringKind):
            proposed (bool):
            restructuring_id (None | UUID): Null for the previewed one.
            source (str): Predecessor (or parent) node id.
            target (str): Successor node id.
     """

    effective_on: datetime.date | None
    kind: RestructuringKind
    proposed: bool
    restructuring_id: None | UUID
    source: str
    target: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        effective_on: None | str
        if isinstance(self.effective_on, datetime.date):
            effective_on = self.effective_on.isoformat()
        else:
            effective_on = self.effective_on

        kind = self.kind.value

        proposed = self.proposed

        restructuring_id: None | str
        if isinstance(self.restructuring_id, UUID):
            restructuring_id = str(self.restructuring_id)
        else:
            restructuring_id = self.restructuring_id

        source = self.source

        target = self.target


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "effective_on": effective_on,
            "kind": kind,
            "proposed": proposed,
            "restructuring_id": restructuring_id,
            "source": source,
            "target": target,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_effective_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                effective_on_type_0 = datetime.date.fromisoformat(data)



                return effective_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        effective_on = _parse_effective_on(d.pop("effective_on"))


        kind = RestructuringKind(d.pop("kind"))




        proposed = d.pop("proposed")

        def _parse_restructuring_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                restructuring_id_type_0 = UUID(data)



                return restructuring_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        restructuring_id = _parse_restructuring_id(d.pop("restructuring_id"))


        source = d.pop("source")

        target = d.pop("target")

        graph_edge = cls(
            effective_on=effective_on,
            kind=kind,
            proposed=proposed,
            restructuring_id=restructuring_id,
            source=source,
            target=target,
        )


        graph_edge.additional_properties = d
        return graph_edge

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
