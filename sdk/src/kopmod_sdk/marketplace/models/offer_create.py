from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.period import Period
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.certification import Certification
  from ..models.location import Location





T = TypeVar("T", bound="OfferCreate")



@_attrs_define
class OfferCreate:
    """ 
        Attributes:
            asking_price (str): Rupiah per base unit.
            commodity_code (str):
            quantity (str): Available in each period, in `unit`. Over the window the offer supplies `quantity` x the number
                of periods the window spans (see `period`).
            window_end (datetime.date):
            window_start (datetime.date):
            certifications (list[Certification] | Unset):
            cooperative_id (None | Unset | UUID): The offering cooperative: the token's own for a cooperative (may be
                omitted), required when an admin posts on its behalf.
            grade (None | str | Unset):
            location (Location | None | Unset): Where the goods are; the cooperative's registry location if omitted.
            min_order (None | str | Unset): In `unit`.
            order_multiple (None | str | Unset): In `unit`.
            period (Period | Unset):
            unit (None | str | Unset):
     """

    asking_price: str
    commodity_code: str
    quantity: str
    window_end: datetime.date
    window_start: datetime.date
    certifications: list[Certification] | Unset = UNSET
    cooperative_id: None | Unset | UUID = UNSET
    grade: None | str | Unset = UNSET
    location: Location | None | Unset = UNSET
    min_order: None | str | Unset = UNSET
    order_multiple: None | str | Unset = UNSET
    period: Period | Unset = UNSET
    unit: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.certification import Certification # noqa: PLC0415
        from ..models.location import Location # noqa: PLC0415
        asking_price = self.asking_price

        commodity_code = self.commodity_code

        quantity = self.quantity

        window_end = self.window_end.isoformat()

        window_start = self.window_start.isoformat()

        certifications: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.certifications, Unset):
            certifications = []
            for certifications_item_data in self.certifications:
                certifications_item = certifications_item_data.to_dict()
                certifications.append(certifications_item)



        cooperative_id: None | str | Unset
        if isinstance(self.cooperative_id, Unset):
            cooperative_id = UNSET
        elif isinstance(self.cooperative_id, UUID):
            cooperative_id = str(self.cooperative_id)
        else:
            cooperative_id = self.cooperative_id

        grade: None | str | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        else:
            grade = self.grade

        location: dict[str, Any] | None | Unset
        if isinstance(self.location, Unset):
            location = UNSET
        elif isinstance(self.location, Location):
            location = self.location.to_dict()
        else:
            location = self.location

        min_order: None | str | Unset
        if isinstance(self.min_order, Unset):
            min_order = UNSET
        else:
            min_order = self.min_order

        order_multiple: None | str | Unset
        if isinstance(self.order_multiple, Unset):
            order_multiple = UNSET
        else:
            order_multiple = self.order_multiple

        period: str | Unset = UNSET
        if not isinstance(self.period, Unset):
            period = self.period.value


        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        else:
            unit = self.unit


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "asking_price": asking_price,
            "commodity_code": commodity_code,
            "quantity": quantity,
            "window_end": window_end,
            "window_start": window_start,
        })
        if certifications is not UNSET:
            field_dict["certifications"] = certifications
        if cooperative_id is not UNSET:
            field_dict["cooperative_id"] = cooperative_id
        if grade is not UNSET:
            field_dict["grade"] = grade
        if location is not UNSET:
            field_dict["location"] = location
        if min_order is not UNSET:
            field_dict["min_order"] = min_order
        if order_multiple is not UNSET:
            field_dict["order_multiple"] = order_multiple
        if period is not UNSET:
            field_dict["period"] = period
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.certification import Certification # noqa: PLC0415
        from ..models.location import Location # noqa: PLC0415
        d = dict(src_dict)
        asking_price = d.pop("asking_price")

        commodity_code = d.pop("commodity_code")

        quantity = d.pop("quantity")

        window_end = datetime.date.fromisoformat(d.pop("window_end"))




        window_start = datetime.date.fromisoformat(d.pop("window_start"))




        _certifications = d.pop("certifications", UNSET)
        certifications: list[Certification] | Unset = UNSET
        if _certifications is not UNSET:
            certifications = []
            for certifications_item_data in _certifications:
                certifications_item = Certification.from_dict(certifications_item_data)



                certifications.append(certifications_item)


        def _parse_cooperative_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cooperative_id_type_0 = UUID(data)



                return cooperative_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        cooperative_id = _parse_cooperative_id(d.pop("cooperative_id", UNSET))


        def _parse_grade(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grade = _parse_grade(d.pop("grade", UNSET))


        def _parse_location(data: object) -> Location | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                location_type_0 = Location.from_dict(data)



                return location_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Location | None | Unset, data)

        location = _parse_location(d.pop("location", UNSET))


        def _parse_min_order(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        min_order = _parse_min_order(d.pop("min_order", UNSET))


        def _parse_order_multiple(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        order_multiple = _parse_order_multiple(d.pop("order_multiple", UNSET))


        _period = d.pop("period", UNSET)
        period: Period | Unset
        if isinstance(_period,  Unset):
            period = UNSET
        else:
            period = Period(_period)




        def _parse_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))


        offer_create = cls(
            asking_price=asking_price,
            commodity_code=commodity_code,
            quantity=quantity,
            window_end=window_end,
            window_start=window_start,
            certifications=certifications,
            cooperative_id=cooperative_id,
            grade=grade,
            location=location,
            min_order=min_order,
            order_multiple=order_multiple,
            period=period,
            unit=unit,
        )

        return offer_create

