from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="DisputeCreate")



@_attrs_define
class DisputeCreate:
    """ 
        Attributes:
            claimed_quantity (str): Rejected quantity the cooperative says should have been accepted.
            reason (str):
     """

    claimed_quantity: str
    reason: str





    def to_dict(self) -> dict[str, Any]:
        claimed_quantity = self.claimed_quantity

        reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "claimed_quantity": claimed_quantity,
            "reason": reason,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        claimed_quantity = d.pop("claimed_quantity")

        reason = d.pop("reason")

        dispute_create = cls(
            claimed_quantity=claimed_quantity,
            reason=reason,
        )

        return dispute_create

