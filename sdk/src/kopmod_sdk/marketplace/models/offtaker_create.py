from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.offtaker_kind import OfftakerKind
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="OfftakerCreate")



@_attrs_define
class OfftakerCreate:
    """ 
        Attributes:
            contact_email (str):
            contact_name (str):
            kind (OfftakerKind):
            latitude (float):
            longitude (float):
            name (str):
            region_code (str):
            contact_phone (None | str | Unset):
     """

    contact_email: str
    contact_name: str
    kind: OfftakerKind
    latitude: float
    longitude: float
    name: str
    region_code: str
    contact_phone: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        contact_email = self.contact_email

        contact_name = self.contact_name

        kind = self.kind.value

        latitude = self.latitude

        longitude = self.longitude

        name = self.name

        region_code = self.region_code

        contact_phone: None | str | Unset
        if isinstance(self.contact_phone, Unset):
            contact_phone = UNSET
        else:
            contact_phone = self.contact_phone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "contact_email": contact_email,
            "contact_name": contact_name,
            "kind": kind,
            "latitude": latitude,
            "longitude": longitude,
            "name": name,
            "region_code": region_code,
        })
        if contact_phone is not UNSET:
            field_dict["contact_phone"] = contact_phone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contact_email = d.pop("contact_email")

        contact_name = d.pop("contact_name")

        kind = OfftakerKind(d.pop("kind"))




        latitude = d.pop("latitude")

        longitude = d.pop("longitude")

        name = d.pop("name")

        region_code = d.pop("region_code")

        def _parse_contact_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_phone = _parse_contact_phone(d.pop("contact_phone", UNSET))


        offtaker_create = cls(
            contact_email=contact_email,
            contact_name=contact_name,
            kind=kind,
            latitude=latitude,
            longitude=longitude,
            name=name,
            region_code=region_code,
            contact_phone=contact_phone,
        )

        return offtaker_create

