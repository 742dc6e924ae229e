from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.cooperative_level import CooperativeLevel
from ..models.cooperative_status import CooperativeStatus
from ..models.cooperative_type import CooperativeType
from ..models.health_category import HealthCategory
from ..models.modernisation_phase import ModernisationPhase
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.financial_statement import FinancialStatement





T = TypeVar("T", bound="EligibilitySnapshot")



@_attrs_define
class EligibilitySnapshot:
    """ Everything financing needs to judge eligibility, in one call.

        Attributes:
            active (bool): A RAT within the last 3 years.
            age_years (int):
            as_of (datetime.date):
            cooperative_id (UUID):
            founded_on (datetime.date):
            has_legal_entity (bool):
            latest_financials (FinancialStatement | None):
            latest_health (HealthCategory | None):
            latest_health_year (int | None):
            missed_rat_years (list[int]):
            name (str):
            nik_koperasi (None | str):
            province_code (str):
            rat_years (list[int]): Years for which a RAT was held, newest first.
            region_code (str):
            status (CooperativeStatus):
            type_ (CooperativeType):
            cohort_year (int | None | Unset):
            last_rat_held_on (datetime.date | None | Unset):
            latest_health_score (None | str | Unset):
            legal_decree_date (datetime.date | None | Unset):
            legal_decree_number (None | str | Unset):
            level (CooperativeLevel | None | Unset):
            member_count (int | None | Unset):
            merged_into (list[UUID] | Unset): When status is merged: the cooperative(s) that took this one over.
            nib (None | str | Unset):
            phase (ModernisationPhase | None | Unset):
            rat_warning (bool | Unset): The two most recent RATs that were due were both missed. Default: False.
     """

    active: bool
    age_years: int
    as_of: datetime.date
    cooperative_id: UUID
    founded_on: datetime.date
    has_legal_entity: bool
    latest_financials: FinancialStatement | None
    latest_health: HealthCategory | None
    latest_health_year: int | None
    missed_rat_years: list[int]
    name: str
    nik_koperasi: None | str
    province_code: str
    rat_years: list[int]
    region_code: str
    status: CooperativeStatus
    type_: CooperativeType
    cohort_year: int | None | Unset = UNSET
    last_rat_held_on: datetime.date | None | Unset = UNSET
    latest_health_score: None | str | Unset = UNSET
    legal_decree_date: datetime.date | None | Unset = UNSET
    legal_decree_number: None | str | Unset = UNSET
    level: CooperativeLevel | None | Unset = UNSET
    member_count: int | None | Unset = UNSET
    merged_into: list[UUID] | Unset = UNSET
    nib: None | str | Unset = UNSET
    phase: ModernisationPhase | None | Unset = UNSET
    rat_warning: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.financial_statement import FinancialStatement # noqa: PLC0415
        active = self.active

        age_years = self.age_years

        as_of = self.as_of.isoformat()

        cooperative_id = str(self.cooperative_id)

        founded_on = self.founded_on.isoformat()

        has_legal_entity = self.has_legal_entity

        latest_financials: dict[str, Any] | None
        if isinstance(self.latest_financials, FinancialStatement):
            latest_financials = self.latest_financials.to_dict()
        else:
            latest_financials = self.latest_financials

        latest_health: None | str
        if isinstance(self.latest_health, HealthCategory):
            latest_health = self.latest_health.value
        else:
            latest_health = self.latest_health

        latest_health_year: int | None
        latest_health_year = self.latest_health_year

        missed_rat_years = self.missed_rat_years



        name = self.name

        nik_koperasi: None | str
        nik_koperasi = self.nik_koperasi

        province_code = self.province_code

        rat_years = self.rat_years



        region_code = self.region_code

        status = self.status.value

        type_ = self.type_.value

        cohort_year: int | None | Unset
        if isinstance(self.cohort_year, Unset):
            cohort_year = UNSET
        else:
            cohort_year = self.cohort_year

        last_rat_held_on: None | str | Unset
        if isinstance(self.last_rat_held_on, Unset):
            last_rat_held_on = UNSET
        elif isinstance(self.last_rat_held_on, datetime.date):
            last_rat_held_on = self.last_rat_held_on.isoformat()
        else:
            last_rat_held_on = self.last_rat_held_on

        latest_health_score: None | str | Unset
        if isinstance(self.latest_health_score, Unset):
            latest_health_score = UNSET
        else:
            latest_health_score = self.latest_health_score

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

        member_count: int | None | Unset
        if isinstance(self.member_count, Unset):
            member_count = UNSET
        else:
            member_count = self.member_count

        merged_into: list[str] | Unset = UNSET
        if not isinstance(self.merged_into, Unset):
            merged_into = []
            for merged_into_item_data in self.merged_into:
                merged_into_item = str(merged_into_item_data)
                merged_into.append(merged_into_item)



        nib: None | str | Unset
        if isinstance(self.nib, Unset):
            nib = UNSET
        else:
            nib = self.nib

        phase: None | str | Unset
        if isinstance(self.phase, Unset):
            phase = UNSET
        elif isinstance(self.phase, ModernisationPhase):
            phase = self.phase.value
        else:
            phase = self.phase

        rat_warning = self.rat_warning


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active": active,
            "age_years": age_years,
            "as_of": as_of,
            "cooperative_id": cooperative_id,
            "founded_on": founded_on,
            "has_legal_entity": has_legal_entity,
            "latest_financials": latest_financials,
            "latest_health": latest_health,
            "latest_health_year": latest_health_year,
            "missed_rat_years": missed_rat_years,
            "name": name,
            "nik_koperasi": nik_koperasi,
            "province_code": province_code,
            "rat_years": rat_years,
            "region_code": region_code,
            "status": status,
            "type": type_,
        })
        if cohort_year is not UNSET:
            field_dict["cohort_year"] = cohort_year
        if last_rat_held_on is not UNSET:
            field_dict["last_rat_held_on"] = last_rat_held_on
        if latest_health_score is not UNSET:
            field_dict["latest_health_score"] = latest_health_score
        if legal_decree_date is not UNSET:
            field_dict["legal_decree_date"] = legal_decree_date
        if legal_decree_number is not UNSET:
            field_dict["legal_decree_number"] = legal_decree_number
        if level is not UNSET:
            field_dict["level"] = level
        if member_count is not UNSET:
            field_dict["member_count"] = member_count
        if merged_into is not UNSET:
            field_dict["merged_into"] = merged_into
        if nib is not UNSET:
            field_dict["nib"] = nib
        if phase is not UNSET:
            field_dict["phase"] = phase
        if rat_warning is not UNSET:
            field_dict["rat_warning"] = rat_warning

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.financial_statement import FinancialStatement # noqa: PLC0415
        d = dict(src_dict)
        active = d.pop("active")

        age_years = d.pop("age_years")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        cooperative_id = UUID(d.pop("cooperative_id"))




        founded_on = datetime.date.fromisoformat(d.pop("founded_on"))




        has_legal_entity = d.pop("has_legal_entity")

        def _parse_latest_financials(data: object) -> FinancialStatement | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                latest_financials_type_0 = FinancialStatement.from_dict(data)



                return latest_financials_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FinancialStatement | None, data)

        latest_financials = _parse_latest_financials(d.pop("latest_financials"))


        def _parse_latest_health(data: object) -> HealthCategory | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                latest_health_type_0 = HealthCategory(data)



                return latest_health_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HealthCategory | None, data)

        latest_health = _parse_latest_health(d.pop("latest_health"))


        def _parse_latest_health_year(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        latest_health_year = _parse_latest_health_year(d.pop("latest_health_year"))


        missed_rat_years = cast(list[int], d.pop("missed_rat_years"))


        name = d.pop("name")

        def _parse_nik_koperasi(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nik_koperasi = _parse_nik_koperasi(d.pop("nik_koperasi"))


        province_code = d.pop("province_code")

        rat_years = cast(list[int], d.pop("rat_years"))


        region_code = d.pop("region_code")

        status = CooperativeStatus(d.pop("status"))




        type_ = CooperativeType(d.pop("type"))




        def _parse_cohort_year(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        cohort_year = _parse_cohort_year(d.pop("cohort_year", UNSET))


        def _parse_last_rat_held_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_rat_held_on_type_0 = datetime.date.fromisoformat(data)



                return last_rat_held_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        last_rat_held_on = _parse_last_rat_held_on(d.pop("last_rat_held_on", UNSET))


        def _parse_latest_health_score(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        latest_health_score = _parse_latest_health_score(d.pop("latest_health_score", UNSET))


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


        def _parse_member_count(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        member_count = _parse_member_count(d.pop("member_count", UNSET))


        _merged_into = d.pop("merged_into", UNSET)
        merged_into: list[UUID] | Unset = UNSET
        if _merged_into is not UNSET:
            merged_into = []
            for merged_into_item_data in _merged_into:
                merged_into_item = UUID(merged_into_item_data)



                merged_into.append(merged_into_item)


        def _parse_nib(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        nib = _parse_nib(d.pop("nib", UNSET))


        def _parse_phase(data: object) -> ModernisationPhase | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                phase_type_0 = ModernisationPhase(data)



                return phase_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModernisationPhase | None | Unset, data)

        phase = _parse_phase(d.pop("phase", UNSET))


        rat_warning = d.pop("rat_warning", UNSET)

        eligibility_snapshot = cls(
            active=active,
            age_years=age_years,
            as_of=as_of,
            cooperative_id=cooperative_id,
            founded_on=founded_on,
            has_legal_entity=has_legal_entity,
            latest_financials=latest_financials,
            latest_health=latest_health,
            latest_health_year=latest_health_year,
            missed_rat_years=missed_rat_years,
            name=name,
            nik_koperasi=nik_koperasi,
            province_code=province_code,
            rat_years=rat_years,
            region_code=region_code,
            status=status,
            type_=type_,
            cohort_year=cohort_year,
            last_rat_held_on=last_rat_held_on,
            latest_health_score=latest_health_score,
            legal_decree_date=legal_decree_date,
            legal_decree_number=legal_decree_number,
            level=level,
            member_count=member_count,
            merged_into=merged_into,
            nib=nib,
            phase=phase,
            rat_warning=rat_warning,
        )


        eligibility_snapshot.additional_properties = d
        return eligibility_snapshot

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
