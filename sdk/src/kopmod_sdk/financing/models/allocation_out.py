from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="AllocationOut")



@_attrs_define
class AllocationOut:
    """ 
        Attributes:
            fee (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative where
                a rule allows. A JSON integer within the same digit limit is accepted as well.
            interest (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            interest_waived (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            overpayment (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            penalty (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            principal (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            recovered (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            written_off_principal (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May
                be negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
     """

    fee: str
    interest: str
    interest_waived: str
    overpayment: str
    penalty: str
    principal: str
    recovered: str
    written_off_principal: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        fee = self.fee

        interest = self.interest

        interest_waived = self.interest_waived

        overpayment = self.overpayment

        penalty = self.penalty

        principal = self.principal

        recovered = self.recovered

        written_off_principal = self.written_off_principal


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "fee": fee,
            "interest": interest,
            "interest_waived": interest_waived,
            "overpayment": overpayment,
            "penalty": penalty,
            "principal": principal,
            "recovered": recovered,
            "written_off_principal": written_off_principal,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fee = d.pop("fee")

        interest = d.pop("interest")

        interest_waived = d.pop("interest_waived")

        overpayment = d.pop("overpayment")

        penalty = d.pop("penalty")

        principal = d.pop("principal")

        recovered = d.pop("recovered")

        written_off_principal = d.pop("written_off_principal")

        allocation_out = cls(
            fee=fee,
            interest=interest,
            interest_waived=interest_waived,
            overpayment=overpayment,
            penalty=penalty,
            principal=principal,
            recovered=recovered,
            written_off_principal=written_off_principal,
        )


        allocation_out.additional_properties = d
        return allocation_out

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
