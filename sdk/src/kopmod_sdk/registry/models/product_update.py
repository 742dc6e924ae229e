from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ProductUpdate")



@_attrs_define
class ProductUpdate:
    """ 
        Attributes:
            description (None | str | Unset):
            domestic_market (bool | None | Unset):
            export_market (bool | None | Unset):
            hs_code (None | str | Unset):
            name (None | str | Unset):
            processed (bool | None | Unset):
     """

    description: None | str | Unset = UNSET
    domestic_market: bool | None | Unset = UNSET
    export_market: bool | None | Unset = UNSET
    hs_code: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    processed: bool | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        domestic_market: bool | None | Unset
        if isinstance(self.domestic_market, Unset):
            domestic_market = UNSET
        else:
            domestic_market = self.domestic_market

        export_market: bool | None | Unset
        if isinstance(self.export_market, Unset):
            export_market = UNSET
        else:
            export_market = self.export_market

        hs_code: None | str | Unset
        if isinstance(self.hs_code, Unset):
            hs_code = UNSET
        else:
            hs_code = self.hs_code

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        processed: bool | None | Unset
        if isinstance(self.processed, Unset):
            processed = UNSET
        else:
            processed = self.processed


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if description is not UNSET:
            field_dict["description"] = description
        if domestic_market is not UNSET:
            field_dict["domestic_market"] = domestic_market
        if export_market is not UNSET:
            field_dict["export_market"] = export_market
        if hs_code is not UNSET:
            field_dict["hs_code"] = hs_code
        if name is not UNSET:
            field_dict["name"] = name
        if processed is not UNSET:
            field_dict["processed"] = processed

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_domestic_market(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        domestic_market = _parse_domestic_market(d.pop("domestic_market", UNSET))


        def _parse_export_market(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        export_market = _parse_export_market(d.pop("export_market", UNSET))


        def _parse_hs_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hs_code = _parse_hs_code(d.pop("hs_code", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        def _parse_processed(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        processed = _parse_processed(d.pop("processed", UNSET))


        product_update = cls(
            description=description,
            domestic_market=domestic_market,
            export_market=export_market,
            hs_code=hs_code,
            name=name,
            processed=processed,
        )

        return product_update

