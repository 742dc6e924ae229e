from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="RunCreate")



@_attrs_define
class RunCreate:
    """ 
        Attributes:
            commodity_code (str):
            propose (bool | Unset): Create a proposal for every cooperative allocated. Default: True.
     """

    commodity_code: str
    propose: bool | Unset = True





    def to_dict(self) -> dict[str, Any]:
        commodity_code = self.commodity_code

        propose = self.propose


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "commodity_code": commodity_code,
        })
        if propose is not UNSET:
            field_dict["propose"] = propose

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        commodity_code = d.pop("commodity_code")

        propose = d.pop("propose", UNSET)

        run_create = cls(
            commodity_code=commodity_code,
            propose=propose,
        )

        return run_create

