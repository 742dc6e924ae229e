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
from ..models.modernisation_phase import ModernisationPhase
from ..models.scale_band import ScaleBand
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.derived import Derived
  from ..models.member_group_out import MemberGroupOut





T = TypeVar("T", bound="CooperativeOut")



@_attrs_define
class CooperativeOut:
    """ The full record, for the ministry, partners with `registry:read` and the cooperative
    itself.

        Attributes:
            address (None | str):
            business_sectors (list[str]):
            cohort_year (int | None):
            commodities (list[str]):
            created_at (datetime.datetime):
            derived (Derived): Computed on every read from the RAT and assessment history, as of today.
            external_id (None | str):
            founded_on (datetime.date):
            id (UUID):
            import_batch_id (None | UUID):
            latitude (float | None):
            legal_decree_date (datetime.date | None):
            legal_decree_number (None | str):
            level (CooperativeLevel):
            longitude (float | None):
            member_cooperative_ids (list[UUID]):
            member_count (int | None):
            member_groups (list[MemberGroupOut]):
            membership_area (MembershipArea | None):
            multi_stakeholder (bool):
            name (str):
            nib (None | str):
            nik_koperasi (None | str):
            phase (ModernisationPhase | None):
            province_code (str):
            province_name (str):
            region_code (str):
            scale_band (None | ScaleBand):
            status (CooperativeStatus):
            type_ (CooperativeType):
            updated_at (datetime.datetime):
            view (Literal['full'] | Unset):  Default: 'full'.
     """

    address: None | str
    business_sectors: list[str]
    cohort_year: int | None
    commodities: list[str]
    created_at: datetime.datetime
    derived: Derived
    external_id: None | str
    founded_on: datetime.date
    id: UUID
    import_batch_id: None | UUID
    latitude: float | None
    legal_decree_date: datetime.date | None
    legal_decree_number: None | str
    level: CooperativeLevel
    longitude: float | None
    member_cooperative_ids: list[UUID]
    member_count: int | None
    member_groups: list[MemberGroupOut]
    membership_area: MembershipArea | None
    multi_stakeholder: bool
    name: str
    nib: None | str
    nik_koperasi: None | str
    phase: ModernisationPhase | None
    province_code: str
    province_name: str
    region_code: str
    scale_band: None | ScaleBand
    status: CooperativeStatus
    type_: CooperativeType
    updated_at: datetime.datetime
    view: Literal['full'] | Unset = 'full'
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.derived import Derived # noqa: PLC0415
        from ..models.member_group_out import MemberGroupOut # noqa: PLC0415
        address: None | str
        address = self.address

        business_sectors = self.business_sectors



        cohort_year: int | None
        cohort_year = self.cohort_year

        commodities = self.commodities



        created_at = self.created_at.isoformat()

        derived = self.derived.to_dict()

        external_id: None | str
        external_id = self.external_id

        founded_on = self.founded_on.isoformat()

        id = str(self.id)

        import_batch_id: None | str
        if isinstance(self.import_batch_id, UUID):
            import_batch_id = str(self.import_batch_id)
        else:
            import_batch_id = self.import_batch_id

        latitude: float | None
        latitude = self.latitude

        legal_decree_date: None | str
        if isinstance(self.legal_decree_date, datetime.date):
            legal_decree_date = self.legal_decree_date.isoformat()
        else:
            legal_decree_date = self.legal_decree_date

        legal_decree_number: None | str
        legal_decree_number = self.legal_decree_number

        level = self.level.value

        longitude: float | None
        longitude = self.longitude

        member_cooperative_ids = []
        for member_cooperative_ids_item_data in self.member_cooperative_ids:
            member_cooperative_ids_item = str(member_cooperative_ids_item_data)
            member_cooperative_ids.append(member_cooperative_ids_item)



        member_count: int | None
        member_count = self.member_count

        member_groups = []
        for member_groups_item_data in self.member_groups:
            member_groups_item = member_groups_item_data.to_dict()
            member_groups.append(member_groups_item)



        membership_area: None | str
        if isinstance(self.membership_area, MembershipArea):
            membership_area = self.membership_area.value
        else:
            membership_area = self.membership_area

        multi_stakeholder = self.multi_stakeholder

        name = self.name

        nib: None | str
        nib = self.nib

        nik_koperasi: None | str
        nik_koperasi = self.nik_koperasi

        phase: None | str
        if isinstance(self.phase, ModernisationPhase):
            phase = self.phase.value
        else:
            phase = self.phase

        province_code = self.province_code

        province_name = self.province_name

        region_code = self.region_code

        scale_band: None | str
        if isinstance(self.scale_band, ScaleBand):
            scale_band = self.scale_band.value
        else:
            scale_band = self.scale_band

        status = self.status.value

        type_ = self.type_.value

        updated_at = self.updated_at.isoformat()

        view = self.view


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "address": address,
            "business_sectors": business_sectors,
            "cohort_year": cohort_year,
            "commodities": commodities,
            "created_at": created_at,
            "derived": derived,
            "external_id": external_id,
            "founded_on": founded_on,
            "id": id,
            "import_batch_id": import_batch_id,
            "latitude": latitude,
            "legal_decree_date": legal_decree_date,
            "legal_decree_number": legal_decree_number,
            "level": level,
            "longitude": longitude,
            "member_cooperative_ids": member_cooperative_ids,
            "member_count": member_count,
            "member_groups": member_groups,
            "membership_area": membership_area,
            "multi_stakeholder": multi_stakeholder,
            "name": name,
            "nib": nib,
            "nik_koperasi": nik_koperasi,
            "phase": phase,
            "province_code": province_code,
            "province_name": province_name,
            "region_code": region_code,
            "scale_band": scale_band,
            "status": status,
            "type": type_,
            "updated_at": updated_at,
        })
        if view is not UNSET:
            field_dict["view"] = view

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.derived import Derived # noqa: PLC0415
        from ..models.member_group_out import MemberGroupOut # noqa: PLC0415
        d = dict(src_dict)
        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))


        business_sectors = cast(list[str], d.pop("business_sectors"))


        def _parse_cohort_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        cohort_year = _parse_cohort_year(d.pop("cohort_year"))


        commodities = cast(list[str], d.pop("commodities"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        derived = Derived.from_dict(d.pop("derived"))




        def _parse_external_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_id = _parse_external_id(d.pop("external_id"))


        founded_on = datetime.date.fromisoformat(d.pop("founded_on"))




        id = UUID(d.pop("id"))




        def _parse_import_batch_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                import_batch_id_type_0 = UUID(data)



                return import_batch_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        import_batch_id = _parse_import_batch_id(d.pop("import_batch_id"))


        def _parse_latitude(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        latitude = _parse_latitude(d.pop("latitude"))


        def _parse_legal_decree_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                legal_decree_date_type_0 = datetime.date.fromisoformat(data)



                return legal_decree_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        legal_decree_date = _parse_legal_decree_date(d.pop("legal_decree_date"))


        def _parse_legal_decree_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        legal_decree_number = _parse_legal_decree_number(d.pop("legal_decree_number"))


        level = CooperativeLevel(d.pop("level"))




        def _parse_longitude(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        longitude = _parse_longitude(d.pop("longitude"))


        member_cooperative_ids = []
        _member_cooperative_ids = d.pop("member_cooperative_ids")
        for member_cooperative_ids_item_data in (_member_cooperative_ids):
            member_cooperative_ids_item = UUID(member_cooperative_ids_item_data)



            member_cooperative_ids.append(member_cooperative_ids_item)


        def _parse_member_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        member_count = _parse_member_count(d.pop("member_count"))


        member_groups = []
        _member_groups = d.pop("member_groups")
        for member_groups_item_data in (_member_groups):
            member_groups_item = MemberGroupOut.from_dict(member_groups_item_data)



            member_groups.append(member_groups_item)


        def _parse_membership_area(data: object) -> MembershipArea | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                membership_area_type_0 = MembershipArea(data)



                return membership_area_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MembershipArea | None, data)

        membership_area = _parse_membership_area(d.pop("membership_area"))


        multi_stakeholder = d.pop("multi_stakeholder")

        name = d.pop("name")

        def _parse_nib(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nib = _parse_nib(d.pop("nib"))


        def _parse_nik_koperasi(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nik_koperasi = _parse_nik_koperasi(d.pop("nik_koperasi"))


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

        def _parse_scale_band(data: object) -> None | ScaleBand:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scale_band_type_0 = ScaleBand(data)



                return scale_band_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ScaleBand, data)

        scale_band = _parse_scale_band(d.pop("scale_band"))


        status = CooperativeStatus(d.pop("status"))




        type_ = CooperativeType(d.pop("type"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        view = cast(Literal['full'] | Unset , d.pop("view", UNSET))
        if view != 'full'and not isinstance(view, Unset):
            raise ValueError(f"view must match const 'full', got '{view}'")

        cooperative_out = cls(
            address=address,
            business_sectors=business_sectors,
            cohort_year=cohort_year,
            commodities=commodities,
            created_at=created_at,
            derived=derived,
            external_id=external_id,
            founded_on=founded_on,
            id=id,
            import_batch_id=import_batch_id,
            latitude=latitude,
            legal_decree_date=legal_decree_date,
            legal_decree_number=legal_decree_number,
            level=level,
            longitude=longitude,
            member_cooperative_ids=member_cooperative_ids,
            member_count=member_count,
            member_groups=member_groups,
            membership_area=membership_area,
            multi_stakeholder=multi_stakeholder,
            name=name,
            nib=nib,
            nik_koperasi=nik_koperasi,
            phase=phase,
            province_code=province_code,
            province_name=province_name,
            region_code=region_code,
            scale_band=scale_band,
            status=status,
            type_=type_,
            updated_at=updated_at,
            view=view,
        )


        cooperative_out.additional_properties = d
        return cooperative_out

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
