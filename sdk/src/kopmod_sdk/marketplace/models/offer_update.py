from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="OfferUpdate")



@_attrs_define
class OfferUpdate:
    """ What changes; what is omitted stays. ``null`` clears ``min_order`` or
    ``order_multiple``.

        Attributes:
            asking_price (None | str | Unset): Rupiah per base unit.
            grade (None | str | Unset):
            min_order (None | str | Unset):
            order_multiple (None | str | Unset):
            quantity (None | str | Unset): Per period, in `unit`.
            unit (None | str | Unset): Of the quantities given; the offer's own if omitted.
            window_end (datetime.date | None | Unset):
            window_start (datetime.date | None | Unset):
     """

    asking_price: None | str | Unset = UNSET
    grade: None | str | Unset = UNSET
    min_order: None | str | Unset = UNSET
    order_multiple: None | str | Unset = UNSET
    quantity: None | str | Unset = UNSET
    unit: None | str | Unset = UNSET
    window_end: datetime.date | None | Unset = UNSET
    window_start: datetime.date | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        asking_price: None | str | Unset
        if isinstance(self.asking_price, Unset):
            asking_price = UNSET
        else:
            asking_price = self.asking_price

        grade: None | str | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        else:
            grade = self.grade

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

        quantity: None | str | Unset
        if isinstance(self.quantity, Unset):
            quantity = UNSET
        else:
            quantity = self.quantity

        unit: None | str | Unset
        if isinstance(self.unit, Unset):
            unit = UNSET
        else:
            unit = self.unit

        window_end: None | str | Unset
        if isinstance(self.window_end, Unset):
            window_end = UNSET
        elif isinstance(self.window_end, datetime.date):
            window_end = self.window_end.isoformat()
        else:
            window_end = self.window_end

        window_start: None | str | Unset
        if isinstance(self.window_start, Unset):
            window_start = UNSET
        elif isinstance(self.window_start, datetime.date):
            window_start = self.window_start.isoformat()
        else:
            window_start = self.window_start


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if asking_price is not UNSET:
            field_dict["asking_price"] = asking_price
        if grade is not UNSET:
            field_dict["grade"] = grade
        if min_order is not UNSET:
            field_dict["min_order"] = min_order
        if order_multiple is not UNSET:
            field_dict["order_multiple"] = order_multiple
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if unit is not UNSET:
            field_dict["unit"] = unit
        if window_end is not UNSET:
            field_dict["window_end"] = window_end
        if window_start is not UNSET:
            field_dict["window_start"] = window_start

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_asking_price(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        asking_price = _parse_asking_price(d.pop("asking_price", UNSET))


        def _parse_grade(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grade = _parse_grade(d.pop("grade", UNSET))


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


        def _parse_quantity(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quantity = _parse_quantity(d.pop("quantity", UNSET))


        def _parse_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unit = _parse_unit(d.pop("unit", UNSET))


        def _parse_window_end(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                window_end_type_0 = datetime.date.fromisoformat(data)



                return window_end_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        window_end = _parse_window_end(d.pop("window_end", UNSET))


        def _parse_window_start(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                window_start_type_0 = datetime.date.fromisoformat(data)



                return window_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        window_start = _parse_window_start(d.pop("window_start", UNSET))


        offer_update = cls(
            asking_price=asking_price,
            grade=grade,
            min_order=min_order,
            order_multiple=order_multiple,
            quantity=quantity,
            unit=unit,
            window_end=window_end,
            window_start=window_start,
        )

        return offer_update

