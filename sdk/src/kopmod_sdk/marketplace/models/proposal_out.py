from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.party import Party
from ..models.proposal_status import ProposalStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.proposal_event_out import ProposalEventOut
  from ..models.proposal_out_breakdown_type_0 import ProposalOutBreakdownType0





T = TypeVar("T", bound="ProposalOut")



@_attrs_define
class ProposalOut:
    """ 
        Attributes:
            base_unit (str):
            breakdown (None | ProposalOutBreakdownType0):
            commodity_code (str):
            contract_id (None | UUID):
            cooperative_id (UUID):
            cooperative_name (str):
            demand_id (UUID):
            expires_at (datetime.datetime): When the terms on the table lapse unless the party whose turn it is answers.
            history (list[ProposalEventOut]):
            id (UUID):
            offer_id (UUID):
            offtaker_id (UUID):
            offtaker_name (str):
            quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A JSON
                integer within the same digit limit is accepted as well.
            round_ (int):
            run_id (None | UUID):
            score (float | None):
            status (ProposalStatus):
            turn (None | Party): Whose move it is; null once decided.
            unit_price (str): Rupiah per base unit.
            value (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            window_end (datetime.date):
            window_start (datetime.date):
     """

    base_unit: str
    breakdown: None | ProposalOutBreakdownType0
    commodity_code: str
    contract_id: None | UUID
    cooperative_id: UUID
    cooperative_name: str
    demand_id: UUID
    expires_at: datetime.datetime
    history: list[ProposalEventOut]
    id: UUID
    offer_id: UUID
    offtaker_id: UUID
    offtaker_name: str
    quantity: str
    round_: int
    run_id: None | UUID
    score: float | None
    status: ProposalStatus
    turn: None | Party
    unit_price: str
    value: str
    window_end: datetime.date
    window_start: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.proposal_event_out import ProposalEventOut # noqa: PLC0415
        from ..models.proposal_out_breakdown_type_0 import ProposalOutBreakdownType0 # noqa: PLC0415
        base_unit = self.base_unit

        breakdown: dict[str, Any] | None
        if isinstance(self.breakdown, ProposalOutBreakdownType0):
            breakdown = self.breakdown.to_dict()
        else:
            breakdown = self.breakdown

        commodity_code = self.commodity_code

        contract_id: None | str
        if isinstance(self.contract_id, UUID):
            contract_id = str(self.contract_id)
        else:
            contract_id = self.contract_id

        cooperative_id = str(self.cooperative_id)

        cooperative_name = self.cooperative_name

        demand_id = str(self.demand_id)

        expires_at = self.expires_at.isoformat()

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)



        id = str(self.id)

        offer_id = str(self.offer_id)

        offtaker_id = str(self.offtaker_id)

        offtaker_name = self.offtaker_name

        quantity = self.quantity

        round_ = self.round_

        run_id: None | str
        if isinstance(self.run_id, UUID):
            run_id = str(self.run_id)
        else:
            run_id = self.run_id

        score: float | None
        score = self.score

        status = self.status.value

        turn: None | str
        if isinstance(self.turn, Party):
            turn = self.turn.value
        else:
            turn = self.turn

        unit_price = self.unit_price

        value = self.value

        window_end = self.window_end.isoformat()

        window_start = self.window_start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "base_unit": base_unit,
            "breakdown": breakdown,
            "commodity_code": commodity_code,
            "contract_id": contract_id,
            "cooperative_id": cooperative_id,
            "cooperative_name": cooperative_name,
            "demand_id": demand_id,
            "expires_at": expires_at,
            "history": history,
            "id": id,
            "offer_id": offer_id,
            "offtaker_id": offtaker_id,
            "offtaker_name": offtaker_name,
            "quantity": quantity,
            "round": round_,
            "run_id": run_id,
            "score": score,
            "status": status,
            "turn": turn,
            "unit_price": unit_price,
            "value": value,
            "window_end": window_end,
            "window_start": window_start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.proposal_event_out import ProposalEventOut # noqa: PLC0415
        from ..models.proposal_out_breakdown_type_0 import ProposalOutBreakdownType0 # noqa: PLC0415
        d = dict(src_dict)
        base_unit = d.pop("base_unit")

        def _parse_breakdown(data: object) -> None | ProposalOutBreakdownType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                breakdown_type_0 = ProposalOutBreakdownType0.from_dict(data)



                return breakdown_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProposalOutBreakdownType0, data)

        breakdown = _parse_breakdown(d.pop("breakdown"))


        commodity_code = d.pop("commodity_code")

        def _parse_contract_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                contract_id_type_0 = UUID(data)



                return contract_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        contract_id = _parse_contract_id(d.pop("contract_id"))


        cooperative_id = UUID(d.pop("cooperative_id"))




        cooperative_name = d.pop("cooperative_name")

        demand_id = UUID(d.pop("demand_id"))




        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        history = []
        _history = d.pop("history")
        for history_item_data in (_history):
            history_item = ProposalEventOut.from_dict(history_item_data)



            history.append(history_item)


        id = UUID(d.pop("id"))




        offer_id = UUID(d.pop("offer_id"))




        offtaker_id = UUID(d.pop("offtaker_id"))




        offtaker_name = d.pop("offtaker_name")

        quantity = d.pop("quantity")

        round_ = d.pop("round")

        def _parse_run_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                run_id_type_0 = UUID(data)



                return run_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        run_id = _parse_run_id(d.pop("run_id"))


        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))


        status = ProposalStatus(d.pop("status"))




        def _parse_turn(data: object) -> None | Party:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                turn_type_0 = Party(data)



                return turn_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Party, data)

        turn = _parse_turn(d.pop("turn"))


        unit_price = d.pop("unit_price")

        value = d.pop("value")

        window_end = datetime.date.fromisoformat(d.pop("window_end"))




        window_start = datetime.date.fromisoformat(d.pop("window_start"))




        proposal_out = cls(
            base_unit=base_unit,
            breakdown=breakdown,
            commodity_code=commodity_code,
            contract_id=contract_id,
            cooperative_id=cooperative_id,
            cooperative_name=cooperative_name,
            demand_id=demand_id,
            expires_at=expires_at,
            history=history,
            id=id,
            offer_id=offer_id,
            offtaker_id=offtaker_id,
            offtaker_name=offtaker_name,
            quantity=quantity,
            round_=round_,
            run_id=run_id,
            score=score,
            status=status,
            turn=turn,
            unit_price=unit_price,
            value=value,
            window_end=window_end,
            window_start=window_start,
        )


        proposal_out.additional_properties = d
        return proposal_out

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
