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
  from ..models.allocation_out import AllocationOut
  from ..models.run_out_parameters import RunOutParameters
  from ..models.run_out_stats import RunOutStats





T = TypeVar("T", bound="RunOut")



@_attrs_define
class RunOut:
    """ 
        Attributes:
            allocated_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            allocations (list[AllocationOut]):
            commodity_code (str):
            created_at (datetime.datetime):
            demand_id (None | UUID):
            demands (int):
            id (UUID):
            objective (str): Supply cost plus penalties for unmet demand (rupiah).
            offers (int):
            parameters (RunOutParameters):
            requested_by (str):
            scope (str):
            stats (RunOutStats):
            status (str):
            supply_cost (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            unmet_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A JSON
                integer within the same digit limit is accepted as well.
     """

    allocated_quantity: str
    allocations: list[AllocationOut]
    commodity_code: str
    created_at: datetime.datetime
    demand_id: None | UUID
    demands: int
    id: UUID
    objective: str
    offers: int
    parameters: RunOutParameters
    requested_by: str
    scope: str
    stats: RunOutStats
    status: str
    supply_cost: str
    unmet_quantity: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.allocation_out import AllocationOut # noqa: PLC0415
        from ..models.run_out_parameters import RunOutParameters # noqa: PLC0415
        from ..models.run_out_stats import RunOutStats # noqa: PLC0415
        allocated_quantity = self.allocated_quantity

        allocations = []
        for allocations_item_data in self.allocations:
            allocations_item = allocations_item_data.to_dict()
            allocations.append(allocations_item)



        commodity_code = self.commodity_code

        created_at = self.created_at.isoformat()

        demand_id: None | str
        if isinstance(self.demand_id, UUID):
            demand_id = str(self.demand_id)
        else:
            demand_id = self.demand_id

        demands = self.demands

        id = str(self.id)

        objective = self.objective

        offers = self.offers

        parameters = self.parameters.to_dict()

        requested_by = self.requested_by

        scope = self.scope

        stats = self.stats.to_dict()

        status = self.status

        supply_cost = self.supply_cost

        unmet_quantity = self.unmet_quantity


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "allocated_quantity": allocated_quantity,
            "allocations": allocations,
            "commodity_code": commodity_code,
            "created_at": created_at,
            "demand_id": demand_id,
            "demands": demands,
            "id": id,
            "objective": objective,
            "offers": offers,
            "parameters": parameters,
            "requested_by": requested_by,
            "scope": scope,
            "stats": stats,
            "status": status,
            "supply_cost": supply_cost,
            "unmet_quantity": unmet_quantity,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.allocation_out import AllocationOut # noqa: PLC0415
        from ..models.run_out_parameters import RunOutParameters # noqa: PLC0415
        from ..models.run_out_stats import RunOutStats # noqa: PLC0415
        d = dict(src_dict)
        allocated_quantity = d.pop("allocated_quantity")

        allocations = []
        _allocations = d.pop("allocations")
        for allocations_item_data in (_allocations):
            allocations_item = AllocationOut.from_dict(allocations_item_data)



            allocations.append(allocations_item)


        commodity_code = d.pop("commodity_code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_demand_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                demand_id_type_0 = UUID(data)



                return demand_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        demand_id = _parse_demand_id(d.pop("demand_id"))


        demands = d.pop("demands")

        id = UUID(d.pop("id"))




        objective = d.pop("objective")

        offers = d.pop("offers")

        parameters = RunOutParameters.from_dict(d.pop("parameters"))




        requested_by = d.pop("requested_by")

        scope = d.pop("scope")

        stats = RunOutStats.from_dict(d.pop("stats"))




        status = d.pop("status")

        supply_cost = d.pop("supply_cost")

        unmet_quantity = d.pop("unmet_quantity")

        run_out = cls(
            allocated_quantity=allocated_quantity,
            allocations=allocations,
            commodity_code=commodity_code,
            created_at=created_at,
            demand_id=demand_id,
            demands=demands,
            id=id,
            objective=objective,
            offers=offers,
            parameters=parameters,
            requested_by=requested_by,
            scope=scope,
            stats=stats,
            status=status,
            supply_cost=supply_cost,
            unmet_quantity=unmet_quantity,
        )


        run_out.additional_properties = d
        return run_out

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
