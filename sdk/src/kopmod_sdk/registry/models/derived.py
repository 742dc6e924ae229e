from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.health_summary import HealthSummary
  from ..models.rat_compliance import RatCompliance





T = TypeVar("T", bound="Derived")



@_attrs_define
class Derived:
    """ Computed on every read from the RAT and assessment history, as of today.

        Attributes:
            active (bool): Status active and a RAT held within the last 3 years.
            age_years (int): Full years since founding.
            latest_health (HealthSummary | None):
            rat (RatCompliance):
     """

    active: bool
    age_years: int
    latest_health: HealthSummary | None
    rat: RatCompliance
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.health_summary import HealthSummary # noqa: PLC0415
        from ..models.rat_compliance import RatCompliance # noqa: PLC0415
        active = self.active

        age_years = self.age_years

        latest_health: dict[str, Any] | None
        if isinstance(self.latest_health, HealthSummary):
            latest_health = self.latest_health.to_dict()
        else:
            latest_health = self.latest_health

        rat = self.rat.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active": active,
            "age_years": age_years,
            "latest_health": latest_health,
            "rat": rat,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.health_summary import HealthSummary # noqa: PLC0415
        from ..models.rat_compliance import RatCompliance # noqa: PLC0415
        d = dict(src_dict)
        active = d.pop("active")

        age_years = d.pop("age_years")

        def _parse_latest_health(data: object) -> HealthSummary | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                latest_health_type_0 = HealthSummary.from_dict(data)



                return latest_health_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HealthSummary | None, data)

        latest_health = _parse_latest_health(d.pop("latest_health"))


        rat = RatCompliance.from_dict(d.pop("rat"))




        derived = cls(
            active=active,
            age_years=age_years,
            latest_health=latest_health,
            rat=rat,
        )


        derived.additional_properties = d
        return derived

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
