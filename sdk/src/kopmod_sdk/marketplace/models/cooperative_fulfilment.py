from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="CooperativeFulfilment")



@_attrs_define
class CooperativeFulfilment:
    """ 
        Attributes:
            accepted_on_due (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            accepted_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            as_of (datetime.date):
            contracted_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            contracts (int): Signed contracts (active, completed or terminated).
            cooperative_id (UUID):
            due_quantity (str): Scheduled on milestones due by today.
            fulfilment_rate (None | str): Accepted over due, capped at 1; null while nothing is due yet.
     """

    accepted_on_due: str
    accepted_quantity: str
    as_of: datetime.date
    contracted_quantity: str
    contracts: int
    cooperative_id: UUID
    due_quantity: str
    fulfilment_rate: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        accepted_on_due = self.accepted_on_due

        accepted_quantity = self.accepted_quantity

        as_of = self.as_of.isoformat()

        contracted_quantity = self.contracted_quantity

        contracts = self.contracts

        cooperative_id = str(self.cooperative_id)

        due_quantity = self.due_quantity

        fulfilment_rate: None | str
        fulfilment_rate = self.fulfilment_rate


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accepted_on_due": accepted_on_due,
            "accepted_quantity": accepted_quantity,
            "as_of": as_of,
            "contracted_quantity": contracted_quantity,
            "contracts": contracts,
            "cooperative_id": cooperative_id,
            "due_quantity": due_quantity,
            "fulfilment_rate": fulfilment_rate,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accepted_on_due = d.pop("accepted_on_due")

        accepted_quantity = d.pop("accepted_quantity")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        contracted_quantity = d.pop("contracted_quantity")

        contracts = d.pop("contracts")

        cooperative_id = UUID(d.pop("cooperative_id"))




        due_quantity = d.pop("due_quantity")

        def _parse_fulfilment_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        fulfilment_rate = _parse_fulfilment_rate(d.pop("fulfilment_rate"))


        cooperative_fulfilment = cls(
            accepted_on_due=accepted_on_due,
            accepted_quantity=accepted_quantity,
            as_of=as_of,
            contracted_quantity=contracted_quantity,
            contracts=contracts,
            cooperative_id=cooperative_id,
            due_quantity=due_quantity,
            fulfilment_rate=fulfilment_rate,
        )


        cooperative_fulfilment.additional_properties = d
        return cooperative_fulfilment

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
