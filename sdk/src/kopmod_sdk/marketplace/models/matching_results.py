from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.chosen_cooperative import ChosenCooperative
  from ..models.not_chosen import NotChosen





T = TypeVar("T", bound="MatchingResults")



@_attrs_define
class MatchingResults:
    """ The latest matching run for a demand: the split across cooperatives and why.

        Attributes:
            allocated_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            base_unit (str):
            chosen (list[ChosenCooperative]): Largest part first.
            considered (int): Offers the run looked at within the radius.
            demand_id (UUID):
            eligible (int): Of those, offers that passed every hard filter.
            max_distance_km (float): The demand's radius.
            method (str): How the split is decided, in English: the matcher minimises the delivered cost (asking price plus
                transport) of the whole split under the offers' capacities, minimum lots and order multiples; the score explains
                the fit, it does not rank.
            not_chosen (list[NotChosen]): Up to 20 offers within the radius that got nothing, nearest first.
            quantity_to_allocate (str): What the demand still needed then.
            reference_price (str): The demand's reference price per base unit.
            run_at (datetime.datetime):
            run_id (UUID):
            scope (str): `demand` (this demand alone) or `commodity` (a batch run).
            status (str): `optimal`, or `repaired` (minimum lots / order multiples).
            unmet_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A JSON
                integer within the same digit limit is accepted as well.
     """

    allocated_quantity: str
    base_unit: str
    chosen: list[ChosenCooperative]
    considered: int
    demand_id: UUID
    eligible: int
    max_distance_km: float
    method: str
    not_chosen: list[NotChosen]
    quantity_to_allocate: str
    reference_price: str
    run_at: datetime.datetime
    run_id: UUID
    scope: str
    status: str
    unmet_quantity: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.chosen_cooperative import ChosenCooperative # noqa: PLC0415
        from ..models.not_chosen import NotChosen # noqa: PLC0415
        allocated_quantity = self.allocated_quantity

        base_unit = self.base_unit

        chosen = []
        for chosen_item_data in self.chosen:
            chosen_item = chosen_item_data.to_dict()
            chosen.append(chosen_item)



        considered = self.considered

        demand_id = str(self.demand_id)

        eligible = self.eligible

        max_distance_km = self.max_distance_km

        method = self.method

        not_chosen = []
        for not_chosen_item_data in self.not_chosen:
            not_chosen_item = not_chosen_item_data.to_dict()
            not_chosen.append(not_chosen_item)



        quantity_to_allocate = self.quantity_to_allocate

        reference_price = self.reference_price

        run_at = self.run_at.isoformat()

        run_id = str(self.run_id)

        scope = self.scope

        status = self.status

        unmet_quantity = self.unmet_quantity


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "allocated_quantity": allocated_quantity,
            "base_unit": base_unit,
            "chosen": chosen,
            "considered": considered,
            "demand_id": demand_id,
            "eligible": eligible,
            "max_distance_km": max_distance_km,
            "method": method,
            "not_chosen": not_chosen,
            "quantity_to_allocate": quantity_to_allocate,
            "reference_price": reference_price,
            "run_at": run_at,
            "run_id": run_id,
            "scope": scope,
            "status": status,
            "unmet_quantity": unmet_quantity,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.chosen_cooperative import ChosenCooperative # noqa: PLC0415
        from ..models.not_chosen import NotChosen # noqa: PLC0415
        d = dict(src_dict)
        allocated_quantity = d.pop("allocated_quantity")

        base_unit = d.pop("base_unit")

        chosen = []
        _chosen = d.pop("chosen")
        for chosen_item_data in (_chosen):
            chosen_item = ChosenCooperative.from_dict(chosen_item_data)



            chosen.append(chosen_item)


        considered = d.pop("considered")

        demand_id = UUID(d.pop("demand_id"))




        eligible = d.pop("eligible")

        max_distance_km = d.pop("max_distance_km")

        method = d.pop("method")

        not_chosen = []
        _not_chosen = d.pop("not_chosen")
        for not_chosen_item_data in (_not_chosen):
            not_chosen_item = NotChosen.from_dict(not_chosen_item_data)



            not_chosen.append(not_chosen_item)


        quantity_to_allocate = d.pop("quantity_to_allocate")

        reference_price = d.pop("reference_price")

        run_at = datetime.datetime.fromisoformat(d.pop("run_at"))




        run_id = UUID(d.pop("run_id"))




        scope = d.pop("scope")

        status = d.pop("status")

        unmet_quantity = d.pop("unmet_quantity")

        matching_results = cls(
            allocated_quantity=allocated_quantity,
            base_unit=base_unit,
            chosen=chosen,
            considered=considered,
            demand_id=demand_id,
            eligible=eligible,
            max_distance_km=max_distance_km,
            method=method,
            not_chosen=not_chosen,
            quantity_to_allocate=quantity_to_allocate,
            reference_price=reference_price,
            run_at=run_at,
            run_id=run_id,
            scope=scope,
            status=status,
            unmet_quantity=unmet_quantity,
        )


        matching_results.additional_properties = d
        return matching_results

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
