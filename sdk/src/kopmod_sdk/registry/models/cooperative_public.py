from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.cooperative_level import CooperativeLevel
from ..models.cooperative_status import CooperativeStatus
from ..models.cooperative_type import CooperativeType
from ..models.modernisation_phase import ModernisationPhase
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="CooperativePublic")



@_attrs_define
class CooperativePublic:
    """ The public profile: what anyone with a token may read.

        Attributes:
            active (bool):
            address (None | str):
            age_years (int):
            business_sectors (list[str]):
            cohort_year (int | None):
            commodities (list[str]):
            founded_on (datetime.date):
            id (UUID):
            latitude (float | None):
            level (CooperativeLevel):
            longitude (float | None):
            name (str):
            phase (ModernisationPhase | None):
            province_code (str):
            province_name (str):
            region_code (str):
            status (CooperativeStatus):
            type_ (CooperativeType):
            view (Literal['public'] | Unset):  Default: 'public'.
     """

    active: bool
    address: None | str
    age_years: int
    business_sectors: list[str]
    cohort_year: int | None
    commodities: list[str]
    founded_on: datetime.date
    id: UUID
    latitude: float | None
    level: CooperativeLevel
    longitude: float | None
    name: str
    phase: ModernisationPhase | None
    province_code: str
    province_name: str
    region_code: str
    status: CooperativeStatus
    type_: CooperativeType
    view: Literal['public'] | Unset = 'public'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        active = self.active

        address: None | str
        address = self.address

        age_years = self.age_years

        business_sectors = self.business_sectors



        cohort_year: int | None
        cohort_year = self.cohort_year

        commodities = self.commodities



        founded_on = self.founded_on.isoformat()

        id = str(self.id)

        latitude: float | None
        latitude = self.latitude

        level = self.level.value

        longitude: float | None
        longitude = self.longitude

        name = self.name

        phase: None | str
        if isinstance(self.phase, ModernisationPhase):
            phase = self.phase.value
        else:
            phase = self.phase

        province_code = self.province_code

        province_name = self.province_name

        region_code = self.region_code

        status = self.status.value

        type_ = self.type_.value

        view = self.view


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active": active,
            "address": address,
            "age_years": age_years,
            "business_sectors": business_sectors,
            "cohort_year": cohort_year,
            "commodities": commodities,
            "founded_on": founded_on,
            "id": id,
            "latitude": latitude,
            "level": level,
            "longitude": longitude,
            "name": name,
            "phase": phase,
            "province_code": province_code,
            "province_name": province_name,
            "region_code": region_code,
            "status": status,
            "type": type_,
        })
        if view is not UNSET:
            field_dict["view"] = view

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))


        age_years = d.pop("age_years")

        business_sectors = cast(list[str], d.pop("business_sectors"))


        def _parse_cohort_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cohort_year = _parse_cohort_year(d.pop("cohort_year"))


        commodities = cast(list[str], d.pop("commodities"))


        founded_on = datetime.date.fromisoformat(d.pop("founded_on"))




        id = UUID(d.pop("id"))




        def _parse_latitude(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        latitude = _parse_latitude(d.pop("latitude"))


        level = CooperativeLevel(d.pop("level"))




        def _parse_longitude(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        longitude = _parse_longitude(d.pop("longitude"))


        name = d.pop("name")

        def _parse_phase(data: object) -> ModernisationPhase | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                phase_type_0 = ModernisationPhase(data)



                return phase_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModernisationPhase | None, data)

        phase = _parse_phase(d.pop("phase"))


        province_code = d.pop("province_code")

        province_name = d.pop("province_name")

        region_code = d.pop("region_code")

        status = CooperativeStatus(d.pop("status"))




        type_ = CooperativeType(d.pop("type"))




        view = cast(Literal['public'] | Unset , d.pop("view", UNSET))
        if view != 'public'and not isinstance(view, Unset):
            raise ValueError(f"view must match const 'public', got '{view}'")

        cooperative_public = cls(
            active=active,
            address=address,
            age_years=age_years,
            business_sectors=business_sectors,
            cohort_year=cohort_year,
            commodities=commodities,
            founded_on=founded_on,
            id=id,
            latitude=latitude,
            level=level,
            longitude=longitude,
            name=name,
            phase=phase,
            province_code=province_code,
            province_name=province_name,
            region_code=region_code,
            status=status,
            type_=type_,
            view=view,
        )


        cooperative_public.additional_properties = d
        return cooperative_public

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
