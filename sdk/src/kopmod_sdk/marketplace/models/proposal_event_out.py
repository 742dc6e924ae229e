from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ProposalEventOut")



@_attrs_define
class ProposalEventOut:
    """ 
        Attributes:
            action (str):
            actor (str):
            at (datetime.datetime):
            note (None | str):
            quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A JSON
                integer within the same digit limit is accepted as well.
            round_ (int):
            unit_price (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            window_end (datetime.date):
            window_start (datetime.date):
     """

    action: str
    actor: str
    at: datetime.datetime
    note: None | str
    quantity: str
    round_: int
    unit_price: str
    window_end: datetime.date
    window_start: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        action = self.action

        actor = self.actor

        at = self.at.isoformat()

        note: None | str
        note = self.note

        quantity = self.quantity

        round_ = self.round_

        unit_price = self.unit_price

        window_end = self.window_end.isoformat()

        window_start = self.window_start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "action": action,
            "actor": actor,
            "at": at,
            "note": note,
            "quantity": quantity,
            "round": round_,
            "unit_price": unit_price,
            "window_end": window_end,
            "window_start": window_start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        actor = d.pop("actor")

        at = datetime.datetime.fromisoformat(d.pop("at"))




        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        quantity = d.pop("quantity")

        round_ = d.pop("round")

        unit_price = d.pop("unit_price")

        window_end = datetime.date.fromisoformat(d.pop("window_end"))




        window_start = datetime.date.fromisoformat(d.pop("window_start"))




        proposal_event_out = cls(
            action=action,
            actor=actor,
            at=at,
            note=note,
            quantity=quantity,
            round_=round_,
            unit_price=unit_price,
            window_end=window_end,
            window_start=window_start,
        )


        proposal_event_out.additional_properties = d
        return proposal_event_out

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
