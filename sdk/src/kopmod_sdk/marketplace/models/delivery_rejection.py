from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="DeliveryRejection")



@_attrs_define
class DeliveryRejection:
    """ 
        Attributes:
            rejection_reason (str):
            grade_at_receipt (None | str | Unset):
     """

    rejection_reason: str
    grade_at_receipt: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        rejection_reason = self.rejection_reason

        grade_at_receipt: None | str | Unset
        if isinstance(self.grade_at_receipt, Unset):
            grade_at_receipt = UNSET
        else:
            grade_at_receipt = self.grade_at_receipt


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "rejection_reason": rejection_reason,
        })
        if grade_at_receipt is not UNSET:
            field_dict["grade_at_receipt"] = grade_at_receipt

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        rejection_reason = d.pop("rejection_reason")

        def _parse_grade_at_receipt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grade_at_receipt = _parse_grade_at_receipt(d.pop("grade_at_receipt", UNSET))


        delivery_rejection = cls(
            rejection_reason=rejection_reason,
            grade_at_receipt=grade_at_receipt,
        )

        return delivery_rejection

