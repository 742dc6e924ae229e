from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.price_type import PriceType
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.price_adjustment import PriceAdjustment





T = TypeVar("T", bound="PriceTerms")



@_attrs_define
class PriceTerms:
    """ How the price is set, per base unit of the commodity (e.g. rupiah per kg).

        Attributes:
            type_ (PriceType):
            adjustments (list[PriceAdjustment] | Unset):
            base (None | str | Unset): Formula: the base price.
            ceiling (None | str | Unset):
            fixed (None | str | Unset):
            floor (None | str | Unset):
            formula (None | str | Unset): Formula in words.
     """

    type_: PriceType
    adjustments: list[PriceAdjustment] | Unset = UNSET
    base: None | str | Unset = UNSET
    ceiling: None | str | Unset = UNSET
    fixed: None | str | Unset = UNSET
    floor: None | str | Unset = UNSET
    formula: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.price_adjustment import PriceAdjustment # noqa: PLC0415
        type_ = self.type_.value

        adjustments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.adjustments, Unset):
            adjustments = []
            for adjustments_item_data in self.adjustments:
                adjustments_item = adjustments_item_data.to_dict()
                adjustments.append(adjustments_item)



        base: None | str | Unset
        if isinstance(self.base, Unset):
            base = UNSET
        else:
            base = self.base

        ceiling: None | str | Unset
        if isinstance(self.ceiling, Unset):
            ceiling = UNSET
        else:
            ceiling = self.ceiling

        fixed: None | str | Unset
        if isinstance(self.fixed, Unset):
            fixed = UNSET
        else:
            fixed = self.fixed

        floor: None | str | Unset
        if isinstance(self.floor, Unset):
            floor = UNSET
        else:
            floor = self.floor

        formula: None | str | Unset
        if isinstance(self.formula, Unset):
            formula = UNSET
        else:
            formula = self.formula


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "type": type_,
        })
        if adjustments is not UNSET:
            field_dict["adjustments"] = adjustments
        if base is not UNSET:
            field_dict["base"] = base
        if ceiling is not UNSET:
            field_dict["ceiling"] = ceiling
        if fixed is not UNSET:
            field_dict["fixed"] = fixed
        if floor is not UNSET:
            field_dict["floor"] = floor
        if formula is not UNSET:
            field_dict["formula"] = formula

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.price_adjustment import PriceAdjustment # noqa: PLC0415
        d = dict(src_dict)
        type_ = PriceType(d.pop("type"))




        _adjustments = d.pop("adjustments", UNSET)
        adjustments: list[PriceAdjustment] | Unset = UNSET
        if _adjustments is not UNSET:
            adjustments = []
            for adjustments_item_data in _adjustments:
                adjustments_item = PriceAdjustment.from_dict(adjustments_item_data)



                adjustments.append(adjustments_item)


        def _parse_base(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base = _parse_base(d.pop("base", UNSET))


        def _parse_ceiling(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ceiling = _parse_ceiling(d.pop("ceiling", UNSET))


        def _parse_fixed(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        fixed = _parse_fixed(d.pop("fixed", UNSET))


        def _parse_floor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        floor = _parse_floor(d.pop("floor", UNSET))


        def _parse_formula(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        formula = _parse_formula(d.pop("formula", UNSET))


        price_terms = cls(
            type_=type_,
            adjustments=adjustments,
            base=base,
            ceiling=ceiling,
            fixed=fixed,
            floor=floor,
            formula=formula,
        )

        return price_terms

