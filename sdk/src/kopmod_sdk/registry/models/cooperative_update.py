from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.cooperative_level import CooperativeLevel
from ..models.cooperative_status import CooperativeStatus
from ..models.cooperative_type import CooperativeType
from ..models.membership_area import MembershipArea
from ..models.scale_band import ScaleBand
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="CooperativeUpdate")



@_attrs_define
class CooperativeUpdate:
    """ Partial update: only the fields sent change; send null to clear an optional field.

        Attributes:
            address (None | str | Unset):
            business_sectors (list[str] | None | Unset):
            commodities (list[str] | None | Unset):
            external_id (None | str | Unset):
            founded_on (datetime.date | None | Unset):
            latitude (float | None | Unset):
            legal_decree_date (datetime.date | None | Unset):
            legal_decree_number (None | str | Unset):
            level (CooperativeLevel | None | Unset):
            longitude (float | None | Unset):
            member_cooperative_ids (list[UUID] | None | Unset):
            member_count (int | None | Unset):
            membership_area (MembershipArea | None | Unset):
            name (None | str | Unset):
            nib (None | str | Unset):
            nik_koperasi (None | str | Unset):
            region_code (None | str | Unset):
            scale_band (None | ScaleBand | Unset):
            status (CooperativeStatus | None | Unset):
            type_ (CooperativeType | None | Unset):
     """

    address: None | str | Unset = UNSET
    business_sectors: list[str] | None | Unset = UNSET
    commodities: list[str] | None | Unset = UNSET
    external_id: None | str | Unset = UNSET
    founded_on: datetime.date | None | Unset = UNSET
    latitude: float | None | Unset = UNSET
    legal_decree_date: datetime.date | None | Unset = UNSET
    legal_decree_number: None | str | Unset = UNSET
    level: CooperativeLevel | None | Unset = UNSET
    longitude: float | None | Unset = UNSET
    member_cooperative_ids: list[UUID] | None | Unset = UNSET
    member_count: int | None | Unset = UNSET
    membership_area: MembershipArea | None | Unset = UNSET
    name: None | str | Unset = UNSET
    nib: None | str | Unset = UNSET
    nik_koperasi: None | str | Unset = UNSET
    region_code: None | str | Unset = UNSET
    scale_band: None | ScaleBand | Unset = UNSET
    status: CooperativeStatus | None | Unset = UNSET
    type_: CooperativeType | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        business_sectors: list[str] | None | Unset
        if isinstance(self.business_sectors, Unset):
            business_sectors = UNSET
        elif isinstance(self.business_sectors, list):
            business_sectors = self.business_sectors


        else:
            business_sectors = self.business_sectors

        commodities: list[str] | None | Unset
        if isinstance(self.commodities, Unset):
            commodities = UNSET
        elif isinstance(self.commodities, list):
            commodities = self.commodities


        else:
            commodities = self.commodities

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        founded_on: None | str | Unset
        if isinstance(self.founded_on, Unset):
            founded_on = UNSET
        elif isinstance(self.founded_on, datetime.date):
            founded_on = self.founded_on.isoformat()
        else:
            founded_on = self.founded_on

        latitude: float | None | Unset
        if isinstance(self.latitude, Unset):
            latitude = UNSET
        else:
            latitude = self.latitude

        legal_decree_date: None | str | Unset
        if isinstance(self.legal_decree_date, Unset):
            legal_decree_date = UNSET
        elif isinstance(self.legal_decree_date, datetime.date):
            legal_decree_date = self.legal_decree_date.isoformat()
        else:
            legal_decree_date = self.legal_decree_date

        legal_decree_number: None | str | Unset
        if isinstance(self.legal_decree_number, Unset):
            legal_decree_number = UNSET
        else:
            legal_decree_number = self.legal_decree_number

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

        member_cooperative_ids: list[str] | None | Unset
        if isinstance(self.member_cooperative_ids, Unset):
            member_cooperative_ids = UNSET
        elif isinstance(self.member_cooperative_ids, list):
            member_cooperative_ids = []
            for member_cooperative_ids_type_0_item_data in self.member_cooperative_ids:
                member_cooperative_ids_type_0_item = str(member_cooperative_ids_type_0_item_data)
                member_cooperative_ids.append(member_cooperative_ids_type_0_item)


        else:
            member_cooperative_ids = self.member_cooperative_ids

        member_count: int | None | Unset
        if isinstance(self.member_count, Unset):
            member_count = UNSET
        else:
            member_count = self.member_count

        membership_area: None | str | Unset
        if isinstance(self.membership_area, Unset):
            membership_area = UNSET
        elif isinstance(self.membership_area, MembershipArea):
            membership_area = self.membership_area.value
        else:
            membership_area = self.membership_area

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        nib: None | str | Unset
        if isinstance(self.nib, Unset):
            nib = UNSET
        else:
            nib = self.nib

        nik_koperasi: None | str | Unset
        if isinstance(self.nik_koperasi, Unset):
            nik_koperasi = UNSET
        else:
            nik_koperasi = self.nik_koperasi

        region_code: None | str | Unset
        if isinstance(self.region_code, Unset):
            region_code = UNSET
        else:
            region_code = self.region_code

        scale_band: None | str | Unset
        if isinstance(self.scale_band, Unset):
            scale_band = UNSET
        elif isinstance(self.scale_band, ScaleBand):
            scale_band = self.scale_band.value
        else:
            scale_band = self.scale_band

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, CooperativeStatus):
            status = self.status.value
        else:
            status = self.status

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, CooperativeType):
            type_ = self.type_.value
        else:
            type_ = self.type_


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if address is not UNSET:
            field_dict["address"] = address
        if business_sectors is not UNSET:
            field_dict["business_sectors"] = business_sectors
        if commodities is not UNSET:
            field_dict["commodities"] = commodities
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if founded_on is not UNSET:
            field_dict["founded_on"] = founded_on
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if legal_decree_date is not UNSET:
            field_dict["legal_decree_date"] = legal_decree_date
        if legal_decree_number is not UNSET:
            field_dict["legal_decree_number"] = legal_decree_number
        if level is not UNSET:
            field_dict["level"] = level
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if member_cooperative_ids is not UNSET:
            field_dict["member_cooperative_ids"] = member_cooperative_ids
        if member_count is not UNSET:
            field_dict["member_count"] = member_count
        if membership_area is not UNSET:
            field_dict["membership_area"] = membership_area
        if name is not UNSET:
            field_dict["name"] = name
        if nib is not UNSET:
            field_dict["nib"] = nib
        if nik_koperasi is not UNSET:
            field_dict["nik_koperasi"] = nik_koperasi
        if region_code is not UNSET:
            field_dict["region_code"] = region_code
        if scale_band is not UNSET:
            field_dict["scale_band"] = scale_band
        if status is not UNSET:
            field_dict["status"] = status
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))


        def _parse_business_sectors(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                business_sectors_type_0 = cast(list[str], data)

                return business_sectors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        business_sectors = _parse_business_sectors(d.pop("business_sectors", UNSET))


        def _parse_commodities(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                commodities_type_0 = cast(list[str], data)

                return commodities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        commodities = _parse_commodities(d.pop("commodities", UNSET))


        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))


        def _parse_founded_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                founded_on_type_0 = datetime.date.fromisoformat(data)



                return founded_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        founded_on = _parse_founded_on(d.pop("founded_on", UNSET))


        def _parse_latitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        latitude = _parse_latitude(d.pop("latitude", UNSET))


        def _parse_legal_decree_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                legal_decree_date_type_0 = datetime.date.fromisoformat(data)



                return legal_decree_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        legal_decree_date = _parse_legal_decree_date(d.pop("legal_decree_date", UNSET))


        def _parse_legal_decree_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        legal_decree_number = _parse_legal_decree_number(d.pop("legal_decree_number", UNSET))


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


        def _parse_member_cooperative_ids(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                member_cooperative_ids_type_0 = []
                _member_cooperative_ids_type_0 = data
                for member_cooperative_ids_type_0_item_data in (_member_cooperative_ids_type_0):
                    member_cooperative_ids_type_0_item = UUID(member_cooperative_ids_type_0_item_data)



                    member_cooperative_ids_type_0.append(member_cooperative_ids_type_0_item)

                return member_cooperative_ids_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        member_cooperative_ids = _parse_member_cooperative_ids(d.pop("member_cooperative_ids", UNSET))


        def _parse_member_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        member_count = _parse_member_count(d.pop("member_count", UNSET))


        def _parse_membership_area(data: object) -> MembershipArea | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                membership_area_type_0 = MembershipArea(data)



                return membership_area_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MembershipArea | None | Unset, data)

        membership_area = _parse_membership_area(d.pop("membership_area", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_nib(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nib = _parse_nib(d.pop("nib", UNSET))


        def _parse_nik_koperasi(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nik_koperasi = _parse_nik_koperasi(d.pop("nik_koperasi", UNSET))


        def _parse_region_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region_code = _parse_region_code(d.pop("region_code", UNSET))


        def _parse_scale_band(data: object) -> None | ScaleBand | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scale_band_type_0 = ScaleBand(data)



                return scale_band_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScaleBand | Unset, data)

        scale_band = _parse_scale_band(d.pop("scale_band", UNSET))


        def _parse_status(data: object) -> CooperativeStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = CooperativeStatus(data)



                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CooperativeStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))


        def _parse_type_(data: object) -> CooperativeType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = CooperativeType(data)



                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CooperativeType | None | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))


        cooperative_update = cls(
            address=address,
            business_sectors=business_sectors,
            commodities=commodities,
            external_id=external_id,
            founded_on=founded_on,
            latitude=latitude,
            legal_decree_date=legal_decree_date,
            legal_decree_number=legal_decree_number,
            level=level,
            longitude=longitude,
            member_cooperative_ids=member_cooperative_ids,
            member_count=member_count,
            membership_area=membership_area,
            name=name,
            nib=nib,
            nik_koperasi=nik_koperasi,
            region_code=region_code,
            scale_band=scale_band,
            status=status,
            type_=type_,
        )

        return cooperative_update

