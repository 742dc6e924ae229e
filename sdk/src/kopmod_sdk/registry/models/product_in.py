from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ProductIn")



@_attrs_define
class ProductIn:
    """ 
        Attributes:
            hs_code (str): HS code (4-10 digits), e.g. `090111` coffee not roasted.
            name (str):
            processed (bool): Processed (value added) rather than raw.
            description (None | str | Unset):
            domestic_market (bool | Unset):  Default: True.
            export_market (bool | Unset):  Default: False.
     """

    hs_code: str
    name: str
    processed: bool
    description: None | str | Unset = UNSET
    domestic_market: bool | Unset = True
    export_market: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        hs_code = self.hs_code

        name = self.name

        processed = self.processed

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        domestic_market = self.domestic_market

        export_market = self.export_market


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "hs_code": hs_code,
            "name": name,
            "processed": processed,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if domestic_market is not UNSET:
            field_dict["domestic_market"] = domestic_market
        if export_market is not UNSET:
            field_dict["export_market"] = export_market

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        hs_code = d.pop("hs_code")

        name = d.pop("name")

        processed = d.pop("processed")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        domestic_market = d.pop("domestic_market", UNSET)

        export_market = d.pop("export_market", UNSET)

        product_in = cls(
            hs_code=hs_code,
            name=name,
            processed=processed,
            description=description,
            domestic_market=domestic_market,
            export_market=export_market,
        )

        return product_in

