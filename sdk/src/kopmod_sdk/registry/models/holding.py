from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="Holding")



@_attrs_define
class Holding:
    """ One thing a participant has, and what recording the restructuring does to it.

        Attributes:
            cooperative_id (UUID):
            count (int | None): Null when its service did not answer.
            note (str):
            outcome (str): `moves` to `to`, or `stays` with the cooperative.
            to (None | str): The cooperative it moves to (`new`: the new one).
            what (str): members, loans, applications_in_review, contracts, people, api_clients, webhook_endpoints, products,
                rats, health_assessments, mentoring_records, member_groups, secondary_memberships, or a moved asset's entity.
            amount (None | str | Unset): Outstanding principal or value.
     """

    cooperative_id: UUID
    count: int | None
    note: str
    outcome: str
    to: None | str
    what: str
    amount: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cooperative_id = str(self.cooperative_id)

        count: int | None
        count = self.count

        note = self.note

        outcome = self.outcome

        to: None | str
        to = self.to

        what = self.what

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cooperative_id": cooperative_id,
            "count": count,
            "note": note,
            "outcome": outcome,
            "to": to,
            "what": what,
        })
        if amount is not UNSET:
            field_dict["amount"] = amount

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cooperative_id = UUID(d.pop("cooperative_id"))




        def _parse_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        count = _parse_count(d.pop("count"))


        note = d.pop("note")

        outcome = d.pop("outcome")

        def _parse_to(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        to = _parse_to(d.pop("to"))


        what = d.pop("what")

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))


        holding = cls(
            cooperative_id=cooperative_id,
            count=count,
            note=note,
            outcome=outcome,
            to=to,
            what=what,
            amount=amount,
        )


        holding.additional_properties = d
        return holding

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
