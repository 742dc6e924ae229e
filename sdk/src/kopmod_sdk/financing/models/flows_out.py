from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="FlowsOut")



@_attrs_define
class FlowsOut:
    """ 
        Attributes:
            charges_received (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            date_from (datetime.date):
            date_to (datetime.date):
            disbursed (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            interest_received (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            principal_repaid (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            recovered (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            repaid (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
     """

    charges_received: str
    date_from: datetime.date
    date_to: datetime.date
    disbursed: str
    interest_received: str
    principal_repaid: str
    recovered: str
    repaid: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        charges_received = self.charges_received

        date_from = self.date_from.isoformat()

        date_to = self.date_to.isoformat()

        disbursed = self.disbursed

        interest_received = self.interest_received

        principal_repaid = self.principal_repaid

        recovered = self.recovered

        repaid = self.repaid


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "charges_received": charges_received,
            "date_from": date_from,
            "date_to": date_to,
            "disbursed": disbursed,
            "interest_received": interest_received,
            "principal_repaid": principal_repaid,
            "recovered": recovered,
            "repaid": repaid,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        charges_received = d.pop("charges_received")

        date_from = datetime.date.fromisoformat(d.pop("date_from"))




        date_to = datetime.date.fromisoformat(d.pop("date_to"))




        disbursed = d.pop("disbursed")

        interest_received = d.pop("interest_received")

        principal_repaid = d.pop("principal_repaid")

        recovered = d.pop("recovered")

        repaid = d.pop("repaid")

        flows_out = cls(
            charges_received=charges_received,
            date_from=date_from,
            date_to=date_to,
            disbursed=disbursed,
            interest_received=interest_received,
            principal_repaid=principal_repaid,
            recovered=recovered,
            repaid=repaid,
        )


        flows_out.additional_properties = d
        return flows_out

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
