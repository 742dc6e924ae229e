from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.offer_status import OfferStatus
from ..models.period import Period
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.certification import Certification
  from ..models.location import Location





T = TypeVar("T", bound="OfferOut")



@_attrs_define
class OfferOut:
    """ 
        Attributes:
            asking_price (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. Greater than
                0. A JSON integer within the same digit limit is accepted as well.
            base_unit (str):
            capacity_total (str): `quantity` x `periods`: what the offer supplies over its whole window, in `base_unit`.
            certifications (list[Certification]):
            commodity_code (str):
            cooperative_id (UUID):
            cooperative_name (str):
            created_at (datetime.datetime):
            entered_quantity (str): A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more. A
                JSON integer within the same digit limit is accepted as well.
            entered_unit (str):
            grade (None | str):
            id (UUID):
            location (Location):
            location_source (str): `registry` (the cooperative's) or `given`.
            min_order (None | str):
            order_multiple (None | str):
            period (Period):
            periods (int): How many periods the window spans from `window_start` (1 for `one_off`; a last period cut short
                by `window_end` counts in full).
            quantity (str): Per period, in `base_unit`.
            remaining_quantity (str): `capacity_total` less what accepted proposals have committed, in `base_unit`: what
                matching may still allocate from this offer.
            status (OfferStatus):
            window_end (datetime.date):
            window_start (datetime.date):
     """

    asking_price: str
    base_unit: str
    capacity_total: str
    certifications: list[Certification]
    commodity_code: str
    cooperative_id: UUID
    cooperative_name: str
    created_at: datetime.datetime
    entered_quantity: str
    entered_unit: str
    grade: None | str
    id: UUID
    location: Location
    location_source: str
    min_order: None | str
    order_multiple: None | str
    period: Period
    periods: int
    quantity: str
    remaining_quantity: str
    status: OfferStatus
    window_end: datetime.date
    window_start: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.certification import Certification # noqa: PLC0415
        from ..models.location import Location # noqa: PLC0415
        asking_price = self.asking_price

        base_unit = self.base_unit

        capacity_total = self.capacity_total

        certifications = []
        for certifications_item_data in self.certifications:
            certifications_item = certifications_item_data.to_dict()
            certifications.append(certifications_item)



        commodity_code = self.commodity_code

        cooperative_id = str(self.cooperative_id)

        cooperative_name = self.cooperative_name

        created_at = self.created_at.isoformat()

        entered_quantity = self.entered_quantity

        entered_unit = self.entered_unit

        grade: None | str
        grade = self.grade

        id = str(self.id)

        location = self.location.to_dict()

        location_source = self.location_source

        min_order: None | str
        min_order = self.min_order

        order_multiple: None | str
        order_multiple = self.order_multiple

        period = self.period.value

        periods = self.periods

        quantity = self.quantity

        remaining_quantity = self.remaining_quantity

        status = self.status.value

        window_end = self.window_end.isoformat()

        window_start = self.window_start.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "asking_price": asking_price,
            "base_unit": base_unit,
            "capacity_total": capacity_total,
            "certifications": certifications,
            "commodity_code": commodity_code,
            "cooperative_id": cooperative_id,
            "cooperative_name": cooperative_name,
            "created_at": created_at,
            "entered_quantity": entered_quantity,
            "entered_unit": entered_unit,
            "grade": grade,
            "id": id,
            "location": location,
            "location_source": location_source,
            "min_order": min_order,
            "order_multiple": order_multiple,
            "period": period,
            "periods": periods,
            "quantity": quantity,
            "remaining_quantity": remaining_quantity,
            "status": status,
            "window_end": window_end,
            "window_start": window_start,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.certification import Certification # noqa: PLC0415
        from ..models.location import Location # noqa: PLC0415
        d = dict(src_dict)
        asking_price = d.pop("asking_price")

        base_unit = d.pop("base_unit")

        capacity_total = d.pop("capacity_total")

        certifications = []
        _certifications = d.pop("certifications")
        for certifications_item_data in (_certifications):
            certifications_item = Certification.from_dict(certifications_item_data)



            certifications.append(certifications_item)


        commodity_code = d.pop("commodity_code")

        cooperative_id = UUID(d.pop("cooperative_id"))




        cooperative_name = d.pop("cooperative_name")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        entered_quantity = d.pop("entered_quantity")

        entered_unit = d.pop("entered_unit")

        def _parse_grade(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        grade = _parse_grade(d.pop("grade"))


        id = UUID(d.pop("id"))




        location = Location.from_dict(d.pop("location"))




        location_source = d.pop("location_source")

        def _parse_min_order(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        min_order = _parse_min_order(d.pop("min_order"))


        def _parse_order_multiple(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        order_multiple = _parse_order_multiple(d.pop("order_multiple"))


        period = Period(d.pop("period"))




        periods = d.pop("periods")

        quantity = d.pop("quantity")

        remaining_quantity = d.pop("remaining_quantity")

        status = OfferStatus(d.pop("status"))




        window_end = datetime.date.fromisoformat(d.pop("window_end"))




        window_start = datetime.date.fromisoformat(d.pop("window_start"))




        offer_out = cls(
            asking_price=asking_price,
            base_unit=base_unit,
            capacity_total=capacity_total,
            certifications=certifications,
            commodity_code=commodity_code,
            cooperative_id=cooperative_id,
            cooperative_name=cooperative_name,
            created_at=created_at,
            entered_quantity=entered_quantity,
            entered_unit=entered_unit,
            grade=grade,
            id=id,
            location=location,
            location_source=location_source,
            min_order=min_order,
            order_multiple=order_multiple,
            period=period,
            periods=periods,
            quantity=quantity,
            remaining_quantity=remaining_quantity,
            status=status,
            window_end=window_end,
            window_start=window_start,
        )


        offer_out.additional_properties = d
        return offer_out

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
