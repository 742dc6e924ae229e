from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.health_category import HealthCategory
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="EligibilityRules")



@_attrs_define
class EligibilityRules:
    """ 
        Attributes:
            max_equity_multiple (None | str | Unset): Amount at most this multiple of the latest equity (e.g. 10 for KSPs).
            min_age_years (int | Unset): Years since founding. Default: 0.
            min_health (HealthCategory | None | Unset): Latest health category at least this good.
            rat_years_required (int | Unset): A RAT held for each of the last N book years. Default: 0.
            require_positive_result (bool | Unset): Positive net surplus (SHU) in the latest financials. Default: True.
     """

    max_equity_multiple: None | str | Unset = UNSET
    min_age_years: int | Unset = 0
    min_health: HealthCategory | None | Unset = UNSET
    rat_years_required: int | Unset = 0
    require_positive_result: bool | Unset = True





    def to_dict(self) -> dict[str, Any]:
        max_equity_multiple: None | str | Unset
        if isinstance(self.max_equity_multiple, Unset):
            max_equity_multiple = UNSET
        else:
            max_equity_multiple = self.max_equity_multiple

        min_age_years = self.min_age_years

        min_health: None | str | Unset
        if isinstance(self.min_health, Unset):
            min_health = UNSET
        elif isinstance(self.min_health, HealthCategory):
            min_health = self.min_health.value
        else:
            min_health = self.min_health

        rat_years_required = self.rat_years_required

        require_positive_result = self.require_positive_result


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if max_equity_multiple is not UNSET:
            field_dict["max_equity_multiple"] = max_equity_multiple
        if min_age_years is not UNSET:
            field_dict["min_age_years"] = min_age_years
        if min_health is not UNSET:
            field_dict["min_health"] = min_health
        if rat_years_required is not UNSET:
            field_dict["rat_years_required"] = rat_years_required
        if require_positive_result is not UNSET:
            field_dict["require_positive_result"] = require_positive_result

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_max_equity_multiple(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        max_equity_multiple = _parse_max_equity_multiple(d.pop("max_equity_multiple", UNSET))


        min_age_years = d.pop("min_age_years", UNSET)

        def _parse_min_health(data: object) -> HealthCategory | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                min_health_type_0 = HealthCategory(data)



                return min_health_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HealthCategory | None | Unset, data)

        min_health = _parse_min_health(d.pop("min_health", UNSET))


        rat_years_required = d.pop("rat_years_required", UNSET)

        require_positive_result = d.pop("require_positive_result", UNSET)

        eligibility_rules = cls(
            max_equity_multiple=max_equity_multiple,
            min_age_years=min_age_years,
            min_health=min_health,
            rat_years_required=rat_years_required,
            require_positive_result=require_positive_result,
        )

        return eligibility_rules

