from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID






T = TypeVar("T", bound="CooperativeFulfilmentLine")



@_attrs_define
class CooperativeFulfilmentLine:
    """ What one cooperative delivered to an offtaker of one commodity, over signed contracts.

        Attributes:
            accepted_on_due (str): Accepted against those milestones.
            accepted_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            accepted_value (str): Accepted quantity at the contract prices.
            active_contracts (int):
            base_unit (str):
            commodity_code (str):
            contracted_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            contracted_value (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            contracts (int): Signed contracts (active, completed or terminated).
            cooperative_id (UUID):
            cooperative_name (str):
            due_quantity (str): Scheduled on milestones due by `as_of`.
            fulfilment_rate (None | str): Accepted over due, capped at 1; null while nothing is due yet.
     """

    accepted_on_due: str
    accepted_quantity: str
    accepted_value: str
    active_contracts: int
    base_unit: str
    commodity_code: str
    contracted_quantity: str
    contracted_value: str
    contracts: int
    cooperative_id: UUID
    cooperative_name: str
    due_quantity: str
    fulfilment_rate: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        accepted_on_due = self.accepted_on_due

        accepted_quantity = self.accepted_quantity

        accepted_value = self.accepted_value

        active_contracts = self.active_contracts

        base_unit = self.base_unit

        commodity_code = self.commodity_code

        contracted_quantity = self.contracted_quantity

        contracted_value = self.contracted_value

        contracts = self.contracts

        cooperative_id = str(self.cooperative_id)

        cooperative_name = self.cooperative_name

        due_quantity = self.due_quantity

        fulfilment_rate: None | str
        fulfilment_rate = self.fulfilment_rate


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accepted_on_due": accepted_on_due,
            "accepted_quantity": accepted_quantity,
            "accepted_value": accepted_value,
            "active_contracts": active_contracts,
            "base_unit": base_unit,
            "commodity_code": commodity_code,
            "contracted_quantity": contracted_quantity,
            "contracted_value": contracted_value,
            "contracts": contracts,
            "cooperative_id": cooperative_id,
            "cooperative_name": cooperative_name,
            "due_quantity": due_quantity,
            "fulfilment_rate": fulfilment_rate,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accepted_on_due = d.pop("accepted_on_due")

        accepted_quantity = d.pop("accepted_quantity")

        accepted_value = d.pop("accepted_value")

        active_contracts = d.pop("active_contracts")

        base_unit = d.pop("base_unit")

        commodity_code = d.pop("commodity_code")

        contracted_quantity = d.pop("contracted_quantity")

        contracted_value = d.pop("contracted_value")

        contracts = d.pop("contracts")

        cooperative_id = UUID(d.pop("cooperative_id"))




        cooperative_name = d.pop("cooperative_name")

        due_quantity = d.pop("due_quantity")

        def _parse_fulfilment_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        fulfilment_rate = _parse_fulfilment_rate(d.pop("fulfilment_rate"))


        cooperative_fulfilment_line = cls(
            accepted_on_due=accepted_on_due,
            accepted_quantity=accepted_quantity,
            accepted_value=accepted_value,
            active_contracts=active_contracts,
            base_unit=base_unit,
            commodity_code=commodity_code,
            contracted_quantity=contracted_quantity,
            contracted_value=contracted_value,
            contracts=contracts,
            cooperative_id=cooperative_id,
            cooperative_name=cooperative_name,
            due_quantity=due_quantity,
            fulfilment_rate=fulfilment_rate,
        )


        cooperative_fulfilment_line.additional_properties = d
        return cooperative_fulfilment_line

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
