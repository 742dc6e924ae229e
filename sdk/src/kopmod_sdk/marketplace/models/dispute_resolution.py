from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="DisputeResolution")



@_attrs_define
class DisputeResolution:
    """ 
        Attributes:
            awarded_quantity (str): Part of the claim now accepted (0 upholds the rejection).
            resolution (str):
     """

    awarded_quantity: str
    resolution: str





    def to_dict(self) -> dict[str, Any]:
        awarded_quantity = self.awarded_quantity

        resolution = self.resolution


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "awarded_quantity": awarded_quantity,
            "resolution": resolution,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        awarded_quantity = d.pop("awarded_quantity")

        resolution = d.pop("resolution")

        dispute_resolution = cls(
            awarded_quantity=awarded_quantity,
            resolution=resolution,
        )

        return dispute_resolution

