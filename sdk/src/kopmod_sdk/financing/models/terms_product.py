from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID






T = TypeVar("T", bound="TermsProduct")



@_attrs_define
class TermsProduct:
    """ 
        Attributes:
            akad (None | str): murabahah, mudharabah or musyarakah (syariah only).
            code (str):
            id (UUID):
            name (str):
            pattern (str): `conventional` or `syariah`.
            profit_share_ratio (None | str): The fund's nisbah (profit sharing).
     """

    akad: None | str
    code: str
    id: UUID
    name: str
    pattern: str
    profit_share_ratio: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        akad: None | str
        akad = self.akad

        code = self.code

        id = str(self.id)

        name = self.name

        pattern = self.pattern

        profit_share_ratio: None | str
        profit_share_ratio = self.profit_share_ratio


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "akad": akad,
            "code": code,
            "id": id,
            "name": name,
            "pattern": pattern,
            "profit_share_ratio": profit_share_ratio,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_akad(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        akad = _parse_akad(d.pop("akad"))


        code = d.pop("code")

        id = UUID(d.pop("id"))




        name = d.pop("name")

        pattern = d.pop("pattern")

        def _parse_profit_share_ratio(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        profit_share_ratio = _parse_profit_share_ratio(d.pop("profit_share_ratio"))


        terms_product = cls(
            akad=akad,
            code=code,
            id=id,
            name=name,
            pattern=pattern,
            profit_share_ratio=profit_share_ratio,
        )


        terms_product.additional_properties = d
        return terms_product

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
