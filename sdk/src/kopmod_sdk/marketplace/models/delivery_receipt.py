from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="DeliveryReceipt")



@_attrs_define
class DeliveryReceipt:
    """ The offtaker's answer to a notice. Omit ``quantity_accepted`` to accept all of it; 0
    rejects it all (say why in ``rejection_reason``).

        Attributes:
            grade_at_receipt (None | str | Unset):
            quantity_accepted (None | str | Unset): What passed inspection, in the base unit; all if omitted.
            rejection_reason (None | str | Unset): Required when less is accepted than delivered.
     """

    grade_at_receipt: None | str | Unset = UNSET
    quantity_accepted: None | str | Unset = UNSET
    rejection_reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        grade_at_receipt: None | str | Unset
        if isinstance(self.grade_at_receipt, Unset):
            grade_at_receipt = UNSET
        else:
            grade_at_receipt = self.grade_at_receipt

        quantity_accepted: None | str | Unset
        if isinstance(self.quantity_accepted, Unset):
            quantity_accepted = UNSET
        else:
            quantity_accepted = self.quantity_accepted

        rejection_reason: None | str | Unset
        if isinstance(self.rejection_reason, Unset):
            rejection_reason = UNSET
        else:
            rejection_reason = self.rejection_reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if grade_at_receipt is not UNSET:
            field_dict["grade_at_receipt"] = grade_at_receipt
        if quantity_accepted is not UNSET:
            field_dict["quantity_accepted"] = quantity_accepted
        if rejection_reason is not UNSET:
            field_dict["rejection_reason"] = rejection_reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_grade_at_receipt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        grade_at_receipt = _parse_grade_at_receipt(d.pop("grade_at_receipt", UNSET))


        def _parse_quantity_accepted(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quantity_accepted = _parse_quantity_accepted(d.pop("quantity_accepted", UNSET))


        def _parse_rejection_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rejection_reason = _parse_rejection_reason(d.pop("rejection_reason", UNSET))


        delivery_receipt = cls(
            grade_at_receipt=grade_at_receipt,
            quantity_accepted=quantity_accepted,
            rejection_reason=rejection_reason,
        )

        return delivery_receipt

