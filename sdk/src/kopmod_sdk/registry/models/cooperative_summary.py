from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.cooperative_level import CooperativeLevel
from ..models.cooperative_status import CooperativeStatus
from ..models.cooperative_type import CooperativeType
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="CooperativeSummary")



@_attrs_define
class CooperativeSummary:
    """ 
        Attributes:
            id (UUID):
            name (str):
            region_code (str):
            status (CooperativeStatus):
            type_ (CooperativeType):
            latitude (float | None | Unset):
            level (CooperativeLevel | None | Unset):
            longitude (float | None | Unset):
     """

    id: UUID
    name: str
    region_code: str
    status: CooperativeStatus
    type_: CooperativeType
    latitude: float | None | Unset = UNSET
    level: CooperativeLevel | None | Unset = UNSET
    longitude: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        region_code = self.region_code

        status = self.status.value

        type_ = self.type_.value

        latitude: float | None | Unset
        if isinstance(self.latitude, Unset):
            latitude = UNSET
        else:
            latitude = self.latitude

        level: None | str | Unset
        if isinstance(self.level, Unset):
            level = UNSET
        elif isinstance(self.level, CooperativeLevel):
            level = self.level.value
        else:
            level = self.level

        longitude: float | None | Unset
        if isinstance(self.longitude, Unset):
            longitude = UNSET
        else:
            longitude = self.longitude


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "name": name,
            "region_code": region_code,
            "status": status,
            "type": type_,
        })
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if level is not UNSET:
            field_dict["level"] = level
        if longitude is not UNSET:
            field_dict["longitude"] = longitude

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        name = d.pop("name")

        region_code = d.pop("region_code")

        status = CooperativeStatus(d.pop("status"))




        type_ = CooperativeType(d.pop("type"))




        def _parse_latitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        latitude = _parse_latitude(d.pop("latitude", UNSET))


        def _parse_level(data: object) -> CooperativeLevel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                level_type_0 = CooperativeLevel(data)



                return level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CooperativeLevel | None | Unset, data)

        level = _parse_level(d.pop("level", UNSET))


        def _parse_longitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        longitude = _parse_longitude(d.pop("longitude", UNSET))


        cooperative_summary = cls(
            id=id,
            name=name,
            region_code=region_code,
            status=status,
            type_=type_,
            latitude=latitude,
            level=level,
            longitude=longitude,
        )


        cooperative_summary.additional_properties = d
        return cooperative_summary

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
