from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ProductOut")



@_attrs_define
class ProductOut:
    """ 
        Attributes:
            cooperative_id (UUID):
            created_at (datetime.datetime):
            description (None | str):
            domestic_market (bool):
            export_market (bool):
            hs_code (str):
            id (UUID):
            name (str):
            processed (bool):
            updated_at (datetime.datetime):
     """

    cooperative_id: UUID
    created_at: datetime.datetime
    description: None | str
    domestic_market: bool
    export_market: bool
    hs_code: str
    id: UUID
    name: str
    processed: bool
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cooperative_id = str(self.cooperative_id)

        created_at = self.created_at.isoformat()

        description: None | str
        description = self.description

        domestic_market = self.domestic_market

        export_market = self.export_market

        hs_code = self.hs_code

        id = str(self.id)

        name = self.name

        processed = self.processed

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cooperative_id": cooperative_id,
            "created_at": created_at,
            "description": description,
            "domestic_market": domestic_market,
            "export_market": export_market,
            "hs_code": hs_code,
            "id": id,
            "name": name,
            "processed": processed,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cooperative_id = UUID(d.pop("cooperative_id"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        domestic_market = d.pop("domestic_market")

        export_market = d.pop("export_market")

        hs_code = d.pop("hs_code")

        id = UUID(d.pop("id"))




        name = d.pop("name")

        processed = d.pop("processed")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        product_out = cls(
            cooperative_id=cooperative_id,
            created_at=created_at,
            description=description,
            domestic_market=domestic_market,
            export_market=export_market,
            hs_code=hs_code,
            id=id,
            name=name,
            processed=processed,
            updated_at=updated_at,
        )


        product_out.additional_properties = d
        return product_out

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
