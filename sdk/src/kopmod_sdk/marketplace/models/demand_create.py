from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.certification_scheme import CertificationScheme
from ..models.incoterm import Incoterm
from ..models.market import Market
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.location import Location
  from ..models.payment_terms import PaymentTerms
  from ..models.price_terms import PriceTerms
  from ..models.recurrence import Recurrence





T = TypeVar("T", bound="DemandCreate")



@_attrs_define
class DemandCreate:
    """ 
        Attributes:
            commodity_code (str):
            delivery (Location):
            payment_terms (PaymentTerms):
            price (PriceTerms): How the price is set, per base unit of the commodity (e.g. rupiah per kg).
            quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; greater than 0. A JSON
                integer within the same digit limit is accepted as well.
            window_end (datetime.date):
            window_start (datetime.date):
            draft (bool | Unset): Keep as draft instead of opening it. Default: False.
            incoterm (Incoterm | None | Unset):
            incoterm_place (None | str | Unset):
            market (Market | Unset):
            max_distance_km (float | None | Unset): Radius around the delivery place for suppliers.
            min_grade (None | str | Unset):
            min_lot (None | str | Unset): Smallest quantity per supplier, in `unit`.
            price_private (bool | Unset): Hide the price terms from everyone but the offtaker. Default: False.
            recurrence (Recurrence | Unset):
            required_certifications (list[CertificationScheme] | Unset):
            unit (None | str | Unset): UN/ECE code; the commodity's base unit if omitted.
     """

    commodity_code: str
    delivery: Location
    payment_terms: PaymentTerms
    price: PriceTerms
    quantity: str
    window_end: datetime.date
    window_start: datetime.date
    draft: bool | Unset = False
    incoterm: Incoterm | None | Unset = UNSET
    incoterm_place: None | str | Unset = UNSET
    market: Market | Unset = UNSET
    max_distance_km: float | None | Unset = UNSET
    min_grade: None | str | Unset = UNSET
    min_lot: None | str | Unset = UNSET
    price_private: bool | Unset = False
    recurrence: Recurrence | Unset = UNSET
    required_certifications: list[CertificationScheme] | Unset = UNSET
    unit: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.location import Location # noqa: PLC0415
        from ..models.payment_terms import PaymentTerms # noqa: PLC0415
        from ..models.price_terms import PriceTerms # noqa: PLC0415
        from ..models.recurrence import Recurrence # noqa: PLC0415
        commodity_code = self.commodity_code

        delivery = self.delivery.to_dict()

        payment_terms = self.payment_terms.to_dict()

        price = self.price.to_dict()

        quantity = self.quantity

        window_end = self.window_end.isoformat()

        window_start = self.window_start.isoformat()

        draft = self.draft

        incoterm: None | str | Unset
        if isinstance(self.incoterm, Unset):
            incoterm = UNSET
        elif isinstance(self.incoterm, Incoterm):
            incoterm = self.incoterm.value
        else:
            incoterm = self.incoterm

        incoterm_place: None | str | Unset
        if isinstance(self.incoterm_place, Unset):
            incoterm_place = UNSET
        else:
            incoterm_place = self.incoterm_place

        market: str | Unset = UNSET
        if not isinstance(self.market, Unset):
            market = self.market.value


        max_distance_km: float | None | Unset
        if isinstance(self.max_distance_km, Unset):
            max_distance_km = UNSET
        else:
            max_distance_km = self.max_distance_km

        min_grade: None | str | Unset
        if isinstance(self.min_grade, Unset):
            min_grade = UNSET
        else:
            min_grade = self.min_grade

        min_lot: None | str | Unset
        if isinstance(self.min_lot, Unset):
            min_lot = UNSET
        else:
            min_lot = self.min_lot

        price_private = self.price_private

        recurrence: dict[str, Any] | Unset = UNSET
        if not isinstance(self.recurrence, Unset):
            recurrence = self.recurrence.to_dict()

        required_certifications: list[str] | Unset = UNSET
        if not isinstance(self.required_certifications, Unset):
            required_certifications = []
            for required_certifications_item_data in self.required_certifications:
                required_certifications_item = required_certifications_item_data.value
                required_certifications.append(required_certifications_item)



        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        else:
            unit = self.unit


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "commodity_code": commodity_code,
            "delivery": delivery,
            "payment_terms": payment_terms,
            "price": price,
            "quantity": quantity,
            "window_end": window_end,
            "window_start": window_start,
        })
        if draft is not UNSET:
            field_dict["draft"] = draft
        if incoterm is not UNSET:
            field_dict["incoterm"] = incoterm
        if incoterm_place is not UNSET:
            field_dict["incoterm_place"] = incoterm_place
        if market is not UNSET:
            field_dict["market"] = market
        if max_distance_km is not UNSET:
            field_dict["max_distance_km"] = max_distance_km
        if min_grade is not UNSET:
            field_dict["min_grade"] = min_grade
        if min_lot is not UNSET:
            field_dict["min_lot"] = min_lot
        if price_private is not UNSET:
            field_dict["price_private"] = price_private
        if recurrence is not UNSET:
            field_dict["recurrence"] = recurrence
        if required_certifications is not UNSET:
            field_dict["required_certifications"] = required_certifications
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location import Location # noqa: PLC0415
        from ..models.payment_terms import PaymentTerms # noqa: PLC0415
        from ..models.price_terms import PriceTerms # noqa: PLC0415
        from ..models.recurrence import Recurrence # noqa: PLC0415
        d = dict(src_dict)
        commodity_code = d.pop("commodity_code")

        delivery = Location.from_dict(d.pop("delivery"))




        payment_terms = PaymentTerms.from_dict(d.pop("payment_terms"))




        price = PriceTerms.from_dict(d.pop("price"))




        quantity = d.pop("quantity")

        window_end = datetime.date.fromisoformat(d.pop("window_end"))




        window_start = datetime.date.fromisoformat(d.pop("window_start"))




        draft = d.pop("draft", UNSET)

        def _parse_incoterm(data: object) -> Incoterm | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                incoterm_type_0 = Incoterm(data)



                return incoterm_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Incoterm | None | Unset, data)

        incoterm = _parse_incoterm(d.pop("incoterm", UNSET))


        def _parse_incoterm_place(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        incoterm_place = _parse_incoterm_place(d.pop("incoterm_place", UNSET))


        _market = d.pop("market", UNSET)
        market: Market | Unset
        if isinstance(_market,  Unset):
            market = UNSET
        else:
            market = Market(_market)




        def _parse_max_distance_km(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        max_distance_km = _parse_max_distance_km(d.pop("max_distance_km", UNSET))


        def _parse_min_grade(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        min_grade = _parse_min_grade(d.pop("min_grade", UNSET))


        def _parse_min_lot(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        min_lot = _parse_min_lot(d.pop("min_lot", UNSET))


        price_private = d.pop("price_private", UNSET)

        _recurrence = d.pop("recurrence", UNSET)
        recurrence: Recurrence | Unset
        if isinstance(_recurrence,  Unset):
            recurrence = UNSET
        else:
            recurrence = Recurrence.from_dict(_recurrence)




        _required_certifications = d.pop("required_certifications", UNSET)
        required_certifications: list[CertificationScheme] | Unset = UNSET
        if _required_certifications is not UNSET:
            required_certifications = []
            for required_certifications_item_data in _required_certifications:
                required_certifications_item = CertificationScheme(required_certifications_item_data)



                required_certifications.append(required_certifications_item)


        def _parse_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))


        demand_create = cls(
            commodity_code=commodity_code,
            delivery=delivery,
            payment_terms=payment_terms,
            price=price,
            quantity=quantity,
            window_end=window_end,
            window_start=window_start,
            draft=draft,
            incoterm=incoterm,
            incoterm_place=incoterm_place,
            market=market,
            max_distance_km=max_distance_km,
            min_grade=min_grade,
            min_lot=min_lot,
            price_private=price_private,
            recurrence=recurrence,
            required_certifications=required_certifications,
            unit=unit,
        )

        return demand_create

