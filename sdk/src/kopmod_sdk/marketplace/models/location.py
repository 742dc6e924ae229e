from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Location")



@_attrs_define
class Location:
    """ 
        Attributes:
            latitude (float):
            longitude (float):
            place_name (None | str | Unset):
            region_code (None | str | Unset): Kemendagri code; empty for a place outside Indonesia.
     """

    latitude: float
    longitude: float
    place_name: None | str | Unset = UNSET
    region_code: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        latitude = self.latitude

        longitude = self.longitude

        place_name: None | str | Unset
        if isinstance(self.place_name, Unset):
            place_name = UNSET
        else:
            place_name = self.place_name

        region_code: None | str | Unset
        if isinstance(self.region_code, Unset):
            region_code = UNSET
        else:
            region_code = self.region_code


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "latitude": latitude,
            "longitude": longitude,
        })
        if place_name is not UNSET:
            field_dict["place_name"] = place_name
        if region_code is not UNSET:
            field_dict["region_code"] = region_code

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        latitude = d.pop("latitude")

        longitude = d.pop("longitude")

        def _parse_place_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        place_name = _parse_place_name(d.pop("place_name", UNSET))


        def _parse_region_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region_code = _parse_region_code(d.pop("region_code", UNSET))


        location = cls(
            latitude=latitude,
            longitude=longitude,
            place_name=place_name,
            region_code=region_code,
        )

        return location

