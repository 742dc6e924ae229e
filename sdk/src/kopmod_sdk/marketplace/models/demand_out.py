from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.certification_scheme import CertificationScheme
from ..models.demand_status import DemandStatus
from ..models.incoterm import Incoterm
from ..models.market import Market
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.location import Location
  from ..models.payment_terms import PaymentTerms
  from ..models.price_terms import PriceTerms
  from ..models.recurrence import Recurrence





T = TypeVar("T", bound="DemandOut")



@_attrs_define
class DemandOut:
    """ 
        Attributes:
            base_unit (str):
            commodity_code (str):
            created_at (datetime.datetime):
            delivery (Location):
            entered_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            entered_unit (str):
            id (UUID):
            incoterm (Incoterm | None):
            incoterm_place (None | str):
            market (Market):
            max_distance_km (float):
            min_grade (None | str):
            min_lot (None | str):
            offtaker_id (UUID):
            payment_terms (PaymentTerms):
            posted_at (datetime.datetime | None):
            price (None | PriceTerms): Null when the offtaker keeps it private.
            price_private (bool):
            quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A JSON
                integer within the same digit limit is accepted as well.
            recurrence (Recurrence):
            remaining_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            required_certifications (list[CertificationScheme]):
            status (DemandStatus):
            window_end (datetime.date):
            window_start (datetime.date):
     """

    base_unit: str
    commodity_code: str
    created_at: datetime.datetime
    delivery: Location
    entered_quantity: str
    entered_unit: str
    id: UUID
    incoterm: Incoterm | None
    incoterm_place: None | str
    market: Market
    max_distance_km: float
    min_grade: None | str
    min_lot: None | str
    offtaker_id: UUID
    payment_terms: PaymentTerms
    posted_at: datetime.datetime | None
    price: None | PriceTerms
    price_private: bool
    quantity: str
    recurrence: Recurrence
    remaining_quantity: str
    required_certifications: list[CertificationScheme]
    status: DemandStatus
    window_end: datetime.date
    window_start: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.location import Location # noqa: PLC0415
        from ..models.payment_terms import PaymentTerms # noqa: PLC0415
        from ..models.price_terms import PriceTerms # noqa: PLC0415
        from ..models.recurrence import Recurrence # noqa: PLC0415
        base_unit = self.base_unit

        commodity_code = self.commodity_code

        created_at = self.created_at.isoformat()

        delivery = self.delivery.to_dict()

        entered_quantity = self.entered_quantity

        entered_unit = self.entered_unit

        id = str(self.id)

        incoterm: None | str
        if isinstance(self.incoterm, Incoterm):
            incoterm = self.incoterm.value
        else:
            incoterm = self.incoterm

        incoterm_place: None | str
        incoterm_place = self.incoterm_place

        market = self.market.value

        max_distance_km = self.max_distance_km

        min_grade: None | str
        min_grade = self.min_grade

        min_lot: None | str
        min_lot = self.min_lot

        offtaker_id = str(self.offtaker_id)

        payment_terms = self.payment_terms.to_dict()

        posted_at: None | str
        if isinstance(self.posted_at, datetime.datetime):
            posted_at = self.posted_at.isoformat()
        else:
            posted_at = self.posted_at

        price: dict[str, Any] | None
        if isinstance(self.price, PriceTerms):
            price = self.price.to_dict()
        else:
            price = self.price

        price_private = self.price_private

        quantity = self.quantity

        recurrence = self.recurrence.to_dict()

        remaining_quantity = self.remaining_quantity

        required_certifications = []
        for required_certifications_item_data in self.required_certifications:
            required_certifications_item = required_certifications_item_data.value
            required_certifications.append(required_certifications_item)



        status = self.status.value

        window_end = self.window_end.isoformat()

        window_start = self.window_start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "base_unit": base_unit,
            "commodity_code": commodity_code,
            "created_at": created_at,
            "delivery": delivery,
            "entered_quantity": entered_quantity,
            "entered_unit": entered_unit,
            "id": id,
            "incoterm": incoterm,
            "incoterm_place": incoterm_place,
            "market": market,
            "max_distance_km": max_distance_km,
            "min_grade": min_grade,
            "min_lot": min_lot,
            "offtaker_id": offtaker_id,
            "payment_terms": payment_terms,
            "posted_at": posted_at,
            "price": price,
            "price_private": price_private,
            "quantity": quantity,
            "recurrence": recurrence,
            "remaining_quantity": remaining_quantity,
            "required_certifications": required_certifications,
            "status": status,
            "window_end": window_end,
            "window_start": window_start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location import Location # noqa: PLC0415
        from ..models.payment_terms import PaymentTerms # noqa: PLC0415
        from ..models.price_terms import PriceTerms # noqa: PLC0415
        from ..models.recurrence import Recurrence # noqa: PLC0415
        d = dict(src_dict)
        base_unit = d.pop("base_unit")

        commodity_code = d.pop("commodity_code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        delivery = Location.from_dict(d.pop("delivery"))




        entered_quantity = d.pop("entered_quantity")

        entered_unit = d.pop("entered_unit")

        id = UUID(d.pop("id"))




        def _parse_incoterm(data: object) -> Incoterm | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                incoterm_type_0 = Incoterm(data)



                return incoterm_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Incoterm | None, data)

        incoterm = _parse_incoterm(d.pop("incoterm"))


        def _parse_incoterm_place(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        incoterm_place = _parse_incoterm_place(d.pop("incoterm_place"))


        market = Market(d.pop("market"))




        max_distance_km = d.pop("max_distance_km")

        def _parse_min_grade(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        min_grade = _parse_min_grade(d.pop("min_grade"))


        def _parse_min_lot(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        min_lot = _parse_min_lot(d.pop("min_lot"))


        offtaker_id = UUID(d.pop("offtaker_id"))




        payment_terms = PaymentTerms.from_dict(d.pop("payment_terms"))




        def _parse_posted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                posted_at_type_0 = datetime.datetime.fromisoformat(data)



                return posted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        posted_at = _parse_posted_at(d.pop("posted_at"))


        def _parse_price(data: object) -> None | PriceTerms:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                price_type_0 = PriceTerms.from_dict(data)



                return price_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PriceTerms, data)

        price = _parse_price(d.pop("price"))


        price_private = d.pop("price_private")

        quantity = d.pop("quantity")

        recurrence = Recurrence.from_dict(d.pop("recurrence"))




        remaining_quantity = d.pop("remaining_quantity")

        required_certifications = []
        _required_certifications = d.pop("required_certifications")
        for required_certifications_item_data in (_required_certifications):
            required_certifications_item = CertificationScheme(required_certifications_item_data)



            required_certifications.append(required_certifications_item)


        status = DemandStatus(d.pop("status"))




        window_end = datetime.date.fromisoformat(d.pop("window_end"))




        window_start = datetime.date.fromisoformat(d.pop("window_start"))




        demand_out = cls(
            base_unit=base_unit,
            commodity_code=commodity_code,
            created_at=created_at,
            delivery=delivery,
            entered_quantity=entered_quantity,
            entered_unit=entered_unit,
            id=id,
            incoterm=incoterm,
            incoterm_place=incoterm_place,
            market=market,
            max_distance_km=max_distance_km,
            min_grade=min_grade,
            min_lot=min_lot,
            offtaker_id=offtaker_id,
            payment_terms=payment_terms,
            posted_at=posted_at,
            price=price,
            price_private=price_private,
            quantity=quantity,
            recurrence=recurrence,
            remaining_quantity=remaining_quantity,
            required_certifications=required_certifications,
            status=status,
            window_end=window_end,
            window_start=window_start,
        )


        demand_out.additional_properties = d
        return demand_out

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
