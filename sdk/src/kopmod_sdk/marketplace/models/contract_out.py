from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.contract_status import ContractStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.milestone_out import MilestoneOut
  from ..models.price_terms import PriceTerms





T = TypeVar("T", bound="ContractOut")



@_attrs_define
class ContractOut:
    """ 
        Attributes:
            accepted_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            base_unit (str):
            commodity_code (str):
            completed_at (datetime.datetime | None):
            cooperative_id (UUID):
            cooperative_name (str):
            created_at (datetime.datetime):
            delivered_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            demand_id (UUID):
            end_reason (None | str):
            ended_at (datetime.datetime | None):
            fulfilment_rate (str): A computed share of a whole, 0 to 1: 4 decimals, rounded half-even (0.7600 is 76%). A
                JSON integer within the same digit limit is accepted as well.
            grade (None | str):
            id (UUID):
            incoterm (None | str):
            incoterm_place (None | str):
            milestones (list[MilestoneOut]):
            offer_id (UUID):
            offtaker_id (UUID):
            offtaker_name (str):
            payment_days (int):
            payment_terms (None | str):
            price_terms (PriceTerms): How the price is set, per base unit of the commodity (e.g. rupiah per kg).
            proposal_id (UUID):
            quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A JSON
                integer within the same digit limit is accepted as well.
            signed_at (datetime.datetime | None):
            status (ContractStatus):
            unit_price (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            value (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
     """

    accepted_quantity: str
    base_unit: str
    commodity_code: str
    completed_at: datetime.datetime | None
    cooperative_id: UUID
    cooperative_name: str
    created_at: datetime.datetime
    delivered_quantity: str
    demand_id: UUID
    end_reason: None | str
    ended_at: datetime.datetime | None
    fulfilment_rate: str
    grade: None | str
    id: UUID
    incoterm: None | str
    incoterm_place: None | str
    milestones: list[MilestoneOut]
    offer_id: UUID
    offtaker_id: UUID
    offtaker_name: str
    payment_days: int
    payment_terms: None | str
    price_terms: PriceTerms
    proposal_id: UUID
    quantity: str
    signed_at: datetime.datetime | None
    status: ContractStatus
    unit_price: str
    value: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.milestone_out import MilestoneOut # noqa: PLC0415
        from ..models.price_terms import PriceTerms # noqa: PLC0415
        accepted_quantity = self.accepted_quantity

        base_unit = self.base_unit

        commodity_code = self.commodity_code

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        cooperative_id = str(self.cooperative_id)

        cooperative_name = self.cooperative_name

        created_at = self.created_at.isoformat()

        delivered_quantity = self.delivered_quantity

        demand_id = str(self.demand_id)

        end_reason: None | str
        end_reason = self.end_reason

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        fulfilment_rate = self.fulfilment_rate

        grade: None | str
        grade = self.grade

        id = str(self.id)

        incoterm: None | str
        incoterm = self.incoterm

        incoterm_place: None | str
        incoterm_place = self.incoterm_place

        milestones = []
        for milestones_item_data in self.milestones:
            milestones_item = milestones_item_data.to_dict()
            milestones.append(milestones_item)



        offer_id = str(self.offer_id)

        offtaker_id = str(self.offtaker_id)

        offtaker_name = self.offtaker_name

        payment_days = self.payment_days

        payment_terms: None | str
        payment_terms = self.payment_terms

        price_terms = self.price_terms.to_dict()

        proposal_id = str(self.proposal_id)

        quantity = self.quantity

        signed_at: None | str
        if isinstance(self.signed_at, datetime.datetime):
            signed_at = self.signed_at.isoformat()
        else:
            signed_at = self.signed_at

        status = self.status.value

        unit_price = self.unit_price

        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "accepted_quantity": accepted_quantity,
            "base_unit": base_unit,
            "commodity_code": commodity_code,
            "completed_at": completed_at,
            "cooperative_id": cooperative_id,
            "cooperative_name": cooperative_name,
            "created_at": created_at,
            "delivered_quantity": delivered_quantity,
            "demand_id": demand_id,
            "end_reason": end_reason,
            "ended_at": ended_at,
            "fulfilment_rate": fulfilment_rate,
            "grade": grade,
            "id": id,
            "incoterm": incoterm,
            "incoterm_place": incoterm_place,
            "milestones": milestones,
            "offer_id": offer_id,
            "offtaker_id": offtaker_id,
            "offtaker_name": offtaker_name,
            "payment_days": payment_days,
            "payment_terms": payment_terms,
            "price_terms": price_terms,
            "proposal_id": proposal_id,
            "quantity": quantity,
            "signed_at": signed_at,
            "status": status,
            "unit_price": unit_price,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.milestone_out import MilestoneOut # noqa: PLC0415
        from ..models.price_terms import PriceTerms # noqa: PLC0415
        d = dict(src_dict)
        accepted_quantity = d.pop("accepted_quantity")

        base_unit = d.pop("base_unit")

        commodity_code = d.pop("commodity_code")

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)



                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))


        cooperative_id = UUID(d.pop("cooperative_id"))




        cooperative_name = d.pop("cooperative_name")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        delivered_quantity = d.pop("delivered_quantity")

        demand_id = UUID(d.pop("demand_id"))




        def _parse_end_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        end_reason = _parse_end_reason(d.pop("end_reason"))


        def _parse_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)



                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_at = _parse_ended_at(d.pop("ended_at"))


        fulfilment_rate = d.pop("fulfilment_rate")

        def _parse_grade(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        grade = _parse_grade(d.pop("grade"))


        id = UUID(d.pop("id"))




        def _parse_incoterm(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        incoterm = _parse_incoterm(d.pop("incoterm"))


        def _parse_incoterm_place(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        incoterm_place = _parse_incoterm_place(d.pop("incoterm_place"))


        milestones = []
        _milestones = d.pop("milestones")
        for milestones_item_data in (_milestones):
            milestones_item = MilestoneOut.from_dict(milestones_item_data)



            milestones.append(milestones_item)


        offer_id = UUID(d.pop("offer_id"))




        offtaker_id = UUID(d.pop("offtaker_id"))




        offtaker_name = d.pop("offtaker_name")

        payment_days = d.pop("payment_days")

        def _parse_payment_terms(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payment_terms = _parse_payment_terms(d.pop("payment_terms"))


        price_terms = PriceTerms.from_dict(d.pop("price_terms"))




        proposal_id = UUID(d.pop("proposal_id"))




        quantity = d.pop("quantity")

        def _parse_signed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_at_type_0 = datetime.datetime.fromisoformat(data)



                return signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        signed_at = _parse_signed_at(d.pop("signed_at"))


        status = ContractStatus(d.pop("status"))




        unit_price = d.pop("unit_price")

        value = d.pop("value")

        contract_out = cls(
            accepted_quantity=accepted_quantity,
            base_unit=base_unit,
            commodity_code=commodity_code,
            completed_at=completed_at,
            cooperative_id=cooperative_id,
            cooperative_name=cooperative_name,
            created_at=created_at,
            delivered_quantity=delivered_quantity,
            demand_id=demand_id,
            end_reason=end_reason,
            ended_at=ended_at,
            fulfilment_rate=fulfilment_rate,
            grade=grade,
            id=id,
            incoterm=incoterm,
            incoterm_place=incoterm_place,
            milestones=milestones,
            offer_id=offer_id,
            offtaker_id=offtaker_id,
            offtaker_name=offtaker_name,
            payment_days=payment_days,
            payment_terms=payment_terms,
            price_terms=price_terms,
            proposal_id=proposal_id,
            quantity=quantity,
            signed_at=signed_at,
            status=status,
            unit_price=unit_price,
            value=value,
        )


        contract_out.additional_properties = d
        return contract_out

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
