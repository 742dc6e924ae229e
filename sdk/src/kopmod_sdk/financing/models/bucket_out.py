from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="BucketOut")



@_attrs_define
class BucketOut:
    """ 
        Attributes:
            key (str):
            loans (int):
            non_performing (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            npl_ratio (str): Classes 3-5 over outstanding principal.
            principal_outstanding (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May
                be negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
     """

    key: str
    loans: int
    non_performing: str
    npl_ratio: str
    principal_outstanding: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        key = self.key

        loans = self.loans

        non_performing = self.non_performing

        npl_ratio = self.npl_ratio

        principal_outstanding = self.principal_outstanding


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "key": key,
            "loans": loans,
            "non_performing": non_performing,
            "npl_ratio": npl_ratio,
            "principal_outstanding": principal_outstanding,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        loans = d.pop("loans")

        non_performing = d.pop("non_performing")

        npl_ratio = d.pop("npl_ratio")

        principal_outstanding = d.pop("principal_outstanding")

        bucket_out = cls(
            key=key,
            loans=loans,
            non_performing=non_performing,
            npl_ratio=npl_ratio,
            principal_outstanding=principal_outstanding,
        )


        bucket_out.additional_properties = d
        return bucket_out

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
