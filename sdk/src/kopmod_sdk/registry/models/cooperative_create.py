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

if TYPE_CHECKING:
  from ..models.member_group_in import MemberGroupIn





T = TypeVar("T", bound="CooperativeCreate")



@_attrs_define
class CooperativeCreate:
    """ 
        Attributes:
            founded_on (datetime.date):
            name (str):
            region_code (str): Kemendagri code down to at least the regency, dotted or not: `32.73`, `32.73.01`,
                `32.73.01.1001`; stored dotted.
            type_ (CooperativeType):
            address (None | str | Unset):
            business_sectors (list[str] | Unset):
            commodities (list[str] | Unset):
            external_id (None | str | Unset): The partner system's own id.
            latitude (float | None | Unset):
            legal_decree_date (datetime.date | None | Unset):
            legal_decree_number (None | str | Unset): Legal-entity decree (badan hukum).
            level (CooperativeLevel | Unset):
            longitude (float | None | Unset):
            member_cooperative_ids (list[UUID] | Unset): Secondary cooperatives only: their member cooperatives (at least
                3).
            member_count (int | None | Unset):
            member_groups (list[MemberGroupIn] | None | Unset): Multi-stakeholder cooperatives: at least 2 groups, shares
                adding up to 100.
            membership_area (MembershipArea | None | Unset):
            nib (None | str | Unset): Business number from OSS: 13 digits.
            nik_koperasi (None | str | Unset): Cooperative registration number (digits).
            scale_band (None | ScaleBand | Unset):
            status (CooperativeStatus | Unset):
     """

    founded_on: datetime.date
    name: str
    region_code: str
    type_: CooperativeType
    address: None | str | Unset = UNSET
    business_sectors: list[str] | Unset = UNSET
    commodities: list[str] | Unset = UNSET
    external_id: None | str | Unset = UNSET
    latitude: float | None | Unset = UNSET
    legal_decree_date: datetime.date | None | Unset = UNSET
    legal_decree_number: None | str | Unset = UNSET
    level: CooperativeLevel | Unset = UNSET
    longitude: float | None | Unset = UNSET
    member_cooperative_ids: list[UUID] | Unset = UNSET
    member_count: int | None | Unset = UNSET
    member_groups: list[MemberGroupIn] | None | Unset = UNSET
    membership_area: MembershipArea | None | Unset = UNSET
    nib: None | str | Unset = UNSET
    nik_koperasi: None | str | Unset = UNSET
    scale_band: None | ScaleBand | Unset = UNSET
    status: CooperativeStatus | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.member_group_in import MemberGroupIn # noqa: PLC0415
        founded_on = self.founded_on.isoformat()

        name = self.name

        region_code = self.region_code

        type_ = self.type_.value

        address: None | str | Unset
        if isinstance(self.address, Unset):
            address = UNSET
        else:
            address = self.address

        business_sectors: list[str] | Unset = UNSET
        if not isinstance(self.business_sectors, Unset):
            business_sectors = self.business_sectors



        commodities: list[str] | Unset = UNSET
        if not isinstance(self.commodities, Unset):
            commodities = self.commodities



        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

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

        level: str | Unset = UNSET
        if not isinstance(self.level, Unset):
            level = self.level.value


        longitude: float | None | Unset
        if isinstance(self.longitude, Unset):
            longitude = UNSET
        else:
            longitude = self.longitude

        member_cooperative_ids: list[str] | Unset = UNSET
        if not isinstance(self.member_cooperative_ids, Unset):
            member_cooperative_ids = []
            for member_cooperative_ids_item_data in self.member_cooperative_ids:
                member_cooperative_ids_item = str(member_cooperative_ids_item_data)
                member_cooperative_ids.append(member_cooperative_ids_item)



        member_count: int | None | Unset
        if isinstance(self.member_count, Unset):
            member_count = UNSET
        else:
            member_count = self.member_count

        member_groups: list[dict[str, Any]] | None | Unset
        if isinstance(self.member_groups, Unset):
            member_groups = UNSET
        elif isinstance(self.member_groups, list):
            member_groups = []
            for member_groups_type_0_item_data in self.member_groups:
                member_groups_type_0_item = member_groups_type_0_item_data.to_dict()
                member_groups.append(member_groups_type_0_item)


        else:
            member_groups = self.member_groups

        membership_area: None | str | Unset
        if isinstance(self.membership_area, Unset):
            membership_area = UNSET
        elif isinstance(self.membership_area, MembershipArea):
            membership_area = self.membership_area.value
        else:
            membership_area = self.membership_area

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

        scale_band: None | str | Unset
        if isinstance(self.scale_band, Unset):
            scale_band = UNSET
        elif isinstance(self.scale_band, ScaleBand):
            scale_band = self.scale_band.value
        else:
            scale_band = self.scale_band

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "founded_on": founded_on,
            "name": name,
            "region_code": region_code,
            "type": type_,
        })
        if address is not UNSET:
            field_dict["address"] = address
        if business_sectors is not UNSET:
            field_dict["business_sectors"] = business_sectors
        if commodities is not UNSET:
            field_dict["commodities"] = commodities
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
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
        if member_groups is not UNSET:
            field_dict["member_groups"] = member_groups
        if membership_area is not UNSET:
            field_dict["membership_area"] = membership_area
        if nib is not UNSET:
            field_dict["nib"] = nib
        if nik_koperasi is not UNSET:
            field_dict["nik_koperasi"] = nik_koperasi
        if scale_band is not UNSET:
            field_dict["scale_band"] = scale_band
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member_group_in import MemberGroupIn # noqa: PLC0415
        d = dict(src_dict)
        founded_on = datetime.date.fromisoformat(d.pop("founded_on"))




        name = d.pop("name")

        region_code = d.pop("region_code")

        type_ = CooperativeType(d.pop("type"))




        def _parse_address(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address = _parse_address(d.pop("address", UNSET))


        business_sectors = cast(list[str], d.pop("business_sectors", UNSET))


        commodities = cast(list[str], d.pop("commodities", UNSET))


        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))


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


        _level = d.pop("level", UNSET)
        level: CooperativeLevel | Unset
        if isinstance(_level,  Unset):
            level = UNSET
        else:
            level = CooperativeLevel(_level)




        def _parse_longitude(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        longitude = _parse_longitude(d.pop("longitude", UNSET))


        _member_cooperative_ids = d.pop("member_cooperative_ids", UNSET)
        member_cooperative_ids: list[UUID] | Unset = UNSET
        if _member_cooperative_ids is not UNSET:
            member_cooperative_ids = []
            for member_cooperative_ids_item_data in _member_cooperative_ids:
                member_cooperative_ids_item = UUID(member_cooperative_ids_item_data)



                member_cooperative_ids.append(member_cooperative_ids_item)


        def _parse_member_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        member_count = _parse_member_count(d.pop("member_count", UNSET))


        def _parse_member_groups(data: object) -> list[MemberGroupIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                member_groups_type_0 = []
                _member_groups_type_0 = data
                for member_groups_type_0_item_data in (_member_groups_type_0):
                    member_groups_type_0_item = MemberGroupIn.from_dict(member_groups_type_0_item_data)



                    member_groups_type_0.append(member_groups_type_0_item)

                return member_groups_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MemberGroupIn] | None | Unset, data)

        member_groups = _parse_member_groups(d.pop("member_groups", UNSET))


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


        _status = d.pop("status", UNSET)
        status: CooperativeStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = CooperativeStatus(_status)




        cooperative_create = cls(
            founded_on=founded_on,
            name=name,
            region_code=region_code,
            type_=type_,
            address=address,
            business_sectors=business_sectors,
            commodities=commodities,
            external_id=external_id,
            latitude=latitude,
            legal_decree_date=legal_decree_date,
            legal_decree_number=legal_decree_number,
            level=level,
            longitude=longitude,
            member_cooperative_ids=member_cooperative_ids,
            member_count=member_count,
            member_groups=member_groups,
            membership_area=membership_area,
            nib=nib,
            nik_koperasi=nik_koperasi,
            scale_band=scale_band,
            status=status,
        )

        return cooperative_create

