from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
  from ..models.reason import Reason





T = TypeVar("T", bound="NotChosen")



@_attrs_define
class NotChosen:
    """ An offer the run considered for this demand and allocated nothing to, with the reason.

        Attributes:
            cooperative_id (UUID):
            cooperative_name (str):
            distance_km (float):
            offer_id (UUID):
            reason (Reason): One reason in words, with its numbers apart so a page can say it in its own language:
                ``code`` names the sentence, ``values`` fills it, ``text`` is the English sentence.
     """

    cooperative_id: UUID
    cooperative_name: str
    distance_km: float
    offer_id: UUID
    reason: Reason
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.reason import Reason # noqa: PLC0415
        cooperative_id = str(self.cooperative_id)

        cooperative_name = self.cooperative_name

        distance_km = self.distance_km

        offer_id = str(self.offer_id)

        reason = self.reason.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cooperative_id": cooperative_id,
            "cooperative_name": cooperative_name,
            "distance_km": distance_km,
            "offer_id": offer_id,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reason import Reason # noqa: PLC0415
        d = dict(src_dict)
        cooperative_id = UUID(d.pop("cooperative_id"))




        cooperative_name = d.pop("cooperative_name")

        distance_km = d.pop("distance_km")

        offer_id = UUID(d.pop("offer_id"))




        reason = Reason.from_dict(d.pop("reason"))




        not_chosen = cls(
            cooperative_id=cooperative_id,
            cooperative_name=cooperative_name,
            distance_km=distance_km,
            offer_id=offer_id,
            reason=reason,
        )


        not_chosen.additional_properties = d
        return not_chosen

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
