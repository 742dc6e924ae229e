from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="StatementCounts")



@_attrs_define
class StatementCounts:
    """ 
        Attributes:
            already_booked (int):
            booked (int):
            duplicate_in_file (int):
            failed (int):
            invalid (int):
            matched (int):
            matched_amount (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            not_matched (int):
     """

    already_booked: int
    booked: int
    duplicate_in_file: int
    failed: int
    invalid: int
    matched: int
    matched_amount: str
    not_matched: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        already_booked = self.already_booked

        booked = self.booked

        duplicate_in_file = self.duplicate_in_file

        failed = self.failed

        invalid = self.invalid

        matched = self.matched

        matched_amount = self.matched_amount

        not_matched = self.not_matched


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "already_booked": already_booked,
            "booked": booked,
            "duplicate_in_file": duplicate_in_file,
            "failed": failed,
            "invalid": invalid,
            "matched": matched,
            "matched_amount": matched_amount,
            "not_matched": not_matched,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        already_booked = d.pop("already_booked")

        booked = d.pop("booked")

        duplicate_in_file = d.pop("duplicate_in_file")

        failed = d.pop("failed")

        invalid = d.pop("invalid")

        matched = d.pop("matched")

        matched_amount = d.pop("matched_amount")

        not_matched = d.pop("not_matched")

        statement_counts = cls(
            already_booked=already_booked,
            booked=booked,
            duplicate_in_file=duplicate_in_file,
            failed=failed,
            invalid=invalid,
            matched=matched,
            matched_amount=matched_amount,
            not_matched=not_matched,
        )


        statement_counts.additional_properties = d
        return statement_counts

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
