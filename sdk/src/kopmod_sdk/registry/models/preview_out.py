from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.restructuring_kind import RestructuringKind
from typing import cast

if TYPE_CHECKING:
  from ..models.holding import Holding
  from ..models.lineage_graph import LineageGraph
  from ..models.participant_preview import ParticipantPreview
  from ..models.unavailable_source import UnavailableSource





T = TypeVar("T", bound="PreviewOut")



@_attrs_define
class PreviewOut:
    """ What would follow the cooperatives if the restructuring were recorded; nothing is
    written. Loans, applications and contracts come from financing and the marketplace (as
    their summaries know them); a service that does not answer leaves its lines' counts null
    and the answer partial.

        Attributes:
            graph (LineageGraph): A lineage as a directed graph (predecessor to successor), ready to draw: every recorded
                restructuring that touches the cooperatives asked about, with all its participants.
            holdings (list[Holding]):
            kind (RestructuringKind):
            member_count_after (int | None): Merger and fusion: the members the successor would have (its own plus the
                predecessors'); the registry does not add them itself: update the member count.
            partial (bool):
            participants (list[ParticipantPreview]):
            reason_required (bool): A predecessor is in another province than the successor: recording needs a `reason`.
            unavailable (list[UnavailableSource]):
     """

    graph: LineageGraph
    holdings: list[Holding]
    kind: RestructuringKind
    member_count_after: int | None
    partial: bool
    participants: list[ParticipantPreview]
    reason_required: bool
    unavailable: list[UnavailableSource]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.holding import Holding # noqa: PLC0415
        from ..models.lineage_graph import LineageGraph # noqa: PLC0415
        from ..models.participant_preview import ParticipantPreview # noqa: PLC0415
        from ..models.unavailable_source import UnavailableSource # noqa: PLC0415
        graph = self.graph.to_dict()

        holdings = []
        for holdings_item_data in self.holdings:
            holdings_item = holdings_item_data.to_dict()
            holdings.append(holdings_item)



        kind = self.kind.value

        member_count_after: int | None
        member_count_after = self.member_count_after

        partial = self.partial

        participants = []
        for participants_item_data in self.participants:
            participants_item = participants_item_data.to_dict()
            participants.append(participants_item)



        reason_required = self.reason_required

        unavailable = []
        for unavailable_item_data in self.unavailable:
            unavailable_item = unavailable_item_data.to_dict()
            unavailable.append(unavailable_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "graph": graph,
            "holdings": holdings,
            "kind": kind,
            "member_count_after": member_count_after,
            "partial": partial,
            "participants": participants,
            "reason_required": reason_required,
            "unavailable": unavailable,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.holding import Holding # noqa: PLC0415
        from ..models.lineage_graph import LineageGraph # noqa: PLC0415
        from ..models.participant_preview import ParticipantPreview # noqa: PLC0415
        from ..models.unavailable_source import UnavailableSource # noqa: PLC0415
        d = dict(src_dict)
        graph = LineageGraph.from_dict(d.pop("graph"))




        holdings = []
        _holdings = d.pop("holdings")
        for holdings_item_data in (_holdings):
            holdings_item = Holding.from_dict(holdings_item_data)



            holdings.append(holdings_item)


        kind = RestructuringKind(d.pop("kind"))




        def _parse_member_count_after(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        member_count_after = _parse_member_count_after(d.pop("member_count_after"))


        partial = d.pop("partial")

        participants = []
        _participants = d.pop("participants")
        for participants_item_data in (_participants):
            participants_item = ParticipantPreview.from_dict(participants_item_data)



            participants.append(participants_item)


        reason_required = d.pop("reason_required")

        unavailable = []
        _unavailable = d.pop("unavailable")
        for unavailable_item_data in (_unavailable):
            unavailable_item = UnavailableSource.from_dict(unavailable_item_data)



            unavailable.append(unavailable_item)


        preview_out = cls(
            graph=graph,
            holdings=holdings,
            kind=kind,
            member_count_after=member_count_after,
            partial=partial,
            participants=participants,
            reason_required=reason_required,
            unavailable=unavailable,
        )


        preview_out.additional_properties = d
        return preview_out

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
