from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.market_summary_contracts_by_status import MarketSummaryContractsByStatus





T = TypeVar("T", bound="MarketSummary")



@_attrs_define
class MarketSummary:
    """ A cooperative's market record in one read, for other services (e.g. the registry's
    modernisation scorecard): ``GET /v1/cooperatives/{id}/market-summary``.

    "Signed" contracts are those ever signed by both parties (active, completed, terminated):
    the market the cooperative actually secured; pending and cancelled ones only show in
    ``contracts_by_status``.

        Attributes:
            active_contracted_value (str): Value of the active contracts.
            active_contracts (int):
            active_offtakers (int): Offtakers of the active contracts.
            as_of (datetime.date):
            commodities (list[str]): Commodity codes sold under signed contracts.
            contracted_value (str): Value of the signed contracts.
            contracts_by_status (MarketSummaryContractsByStatus): Count per contract status (only statuses with at least
                one).
            contracts_total (int): Every contract, in any status.
            cooperative_id (UUID):
            delivered_value (str): Value accepted so far under signed contracts.
            distinct_offtakers (int): Offtakers of the signed contracts.
            domestic_contracts (int): Signed contracts for domestic demand.
            export_contracts (int): Signed contracts for export demand.
            fulfilment_rate (None | str): Quantity accepted against milestones due by `as_of` over the quantity due (capped
                at 1); null when nothing was due yet.
            signed_contracts (int):
            deliveries_recent (int | Unset): Deliveries recorded under its contracts in the 365 days before `as_of`.
                Default: 0.
            offers_recent (int | Unset): Supply offers the cooperative posted in the 365 days before `as_of` (technology
                adoption: it sells through the platform). Default: 0.
            webhook_endpoints (int | Unset): Enabled webhook endpoints the cooperative subscribed at the marketplace.
                Default: 0.
     """

    active_contracted_value: str
    active_contracts: int
    active_offtakers: int
    as_of: datetime.date
    commodities: list[str]
    contracted_value: str
    contracts_by_status: MarketSummaryContractsByStatus
    contracts_total: int
    cooperative_id: UUID
    delivered_value: str
    distinct_offtakers: int
    domestic_contracts: int
    export_contracts: int
    fulfilment_rate: None | str
    signed_contracts: int
    deliveries_recent: int | Unset = 0
    offers_recent: int | Unset = 0
    webhook_endpoints: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.market_summary_contracts_by_status import MarketSummaryContractsByStatus # noqa: PLC0415
        active_contracted_value = self.active_contracted_value

        active_contracts = self.active_contracts

        active_offtakers = self.active_offtakers

        as_of = self.as_of.isoformat()

        commodities = self.commodities



        contracted_value = self.contracted_value

        contracts_by_status = self.contracts_by_status.to_dict()

        contracts_total = self.contracts_total

        cooperative_id = str(self.cooperative_id)

        delivered_value = self.delivered_value

        distinct_offtakers = self.distinct_offtakers

        domestic_contracts = self.domestic_contracts

        export_contracts = self.export_contracts

        fulfilment_rate: None | str
        fulfilment_rate = self.fulfilment_rate

        signed_contracts = self.signed_contracts

        deliveries_recent = self.deliveries_recent

        offers_recent = self.offers_recent

        webhook_endpoints = self.webhook_endpoints


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active_contracted_value": active_contracted_value,
            "active_contracts": active_contracts,
            "active_offtakers": active_offtakers,
            "as_of": as_of,
            "commodities": commodities,
            "contracted_value": contracted_value,
            "contracts_by_status": contracts_by_status,
            "contracts_total": contracts_total,
            "cooperative_id": cooperative_id,
            "delivered_value": delivered_value,
            "distinct_offtakers": distinct_offtakers,
            "domestic_contracts": domestic_contracts,
            "export_contracts": export_contracts,
            "fulfilment_rate": fulfilment_rate,
            "signed_contracts": signed_contracts,
        })
        if deliveries_recent is not UNSET:
            field_dict["deliveries_recent"] = deliveries_recent
        if offers_recent is not UNSET:
            field_dict["offers_recent"] = offers_recent
        if webhook_endpoints is not UNSET:
            field_dict["webhook_endpoints"] = webhook_endpoints

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.market_summary_contracts_by_status import MarketSummaryContractsByStatus # noqa: PLC0415
        d = dict(src_dict)
        active_contracted_value = d.pop("active_contracted_value")

        active_contracts = d.pop("active_contracts")

        active_offtakers = d.pop("active_offtakers")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        commodities = cast(list[str], d.pop("commodities"))


        contracted_value = d.pop("contracted_value")

        contracts_by_status = MarketSummaryContractsByStatus.from_dict(d.pop("contracts_by_status"))




        contracts_total = d.pop("contracts_total")

        cooperative_id = UUID(d.pop("cooperative_id"))




        delivered_value = d.pop("delivered_value")

        distinct_offtakers = d.pop("distinct_offtakers")

        domestic_contracts = d.pop("domestic_contracts")

        export_contracts = d.pop("export_contracts")

        def _parse_fulfilment_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        fulfilment_rate = _parse_fulfilment_rate(d.pop("fulfilment_rate"))


        signed_contracts = d.pop("signed_contracts")

        deliveries_recent = d.pop("deliveries_recent", UNSET)

        offers_recent = d.pop("offers_recent", UNSET)

        webhook_endpoints = d.pop("webhook_endpoints", UNSET)

        market_summary = cls(
            active_contracted_value=active_contracted_value,
            active_contracts=active_contracts,
            active_offtakers=active_offtakers,
            as_of=as_of,
            commodities=commodities,
            contracted_value=contracted_value,
            contracts_by_status=contracts_by_status,
            contracts_total=contracts_total,
            cooperative_id=cooperative_id,
            delivered_value=delivered_value,
            distinct_offtakers=distinct_offtakers,
            domestic_contracts=domestic_contracts,
            export_contracts=export_contracts,
            fulfilment_rate=fulfilment_rate,
            signed_contracts=signed_contracts,
            deliveries_recent=deliveries_recent,
            offers_recent=offers_recent,
            webhook_endpoints=webhook_endpoints,
        )


        market_summary.additional_properties = d
        return market_summary

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
