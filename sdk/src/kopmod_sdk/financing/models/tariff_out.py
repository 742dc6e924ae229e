from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="TariffOut")



@_attrs_define
class TariffOut:
    """ 
        Attributes:
            annual_rate (str): A rate as a fraction (0.03 is 3% a year): at most 8 decimals, answered with 8; 0 to 10. A
                JSON integer within the same digit limit is accepted as well.
            created_at (datetime.datetime):
            created_by (str):
            effective_from (datetime.date):
            id (UUID):
            note (None | str):
            product_id (UUID):
     """

    annual_rate: str
    created_at: datetime.datetime
    created_by: str
    effective_from: datetime.date
    id: UUID
    note: None | str
    product_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        annual_rate = self.annual_rate

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        effective_from = self.effective_from.isoformat()

        id = str(self.id)

        note: None | str
        note = self.note

        product_id = str(self.product_id)


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "annual_rate": annual_rate,
            "created_at": created_at,
            "created_by": created_by,
            "effective_from": effective_from,
            "id": id,
            "note": note,
            "product_id": product_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        annual_rate = d.pop("annual_rate")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        created_by = d.pop("created_by")

        effective_from = datetime.date.fromisoformat(d.pop("effective_from"))




        id = UUID(d.pop("id"))




        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        product_id = UUID(d.pop("product_id"))




        tariff_out = cls(
            annual_rate=annual_rate,
            created_at=created_at,
            created_by=created_by,
            effective_from=effective_from,
            id=id,
            note=note,
            product_id=product_id,
        )


        tariff_out.additional_properties = d
        return tariff_out

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
