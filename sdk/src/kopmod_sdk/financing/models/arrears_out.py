from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ArrearsOut")



@_attrs_define
class ArrearsOut:
    """ 
        Attributes:
            collectibility (int): OJK kolektibilitas 1 (lancar) to 5 (macet).
            collectibility_label (str):
            days_past_due (int):
            oldest_overdue_due_date (datetime.date | None):
            overdue_interest (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            overdue_penalty (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            overdue_principal (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
     """

    collectibility: int
    collectibility_label: str
    days_past_due: int
    oldest_overdue_due_date: datetime.date | None
    overdue_interest: str
    overdue_penalty: str
    overdue_principal: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        collectibility = self.collectibility

        collectibility_label = self.collectibility_label

        days_past_due = self.days_past_due

        oldest_overdue_due_date: None | str
        if isinstance(self.oldest_overdue_due_date, datetime.date):
            oldest_overdue_due_date = self.oldest_overdue_due_date.isoformat()
        else:
            oldest_overdue_due_date = self.oldest_overdue_due_date

        overdue_interest = self.overdue_interest

        overdue_penalty = self.overdue_penalty

        overdue_principal = self.overdue_principal


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "collectibility": collectibility,
            "collectibility_label": collectibility_label,
            "days_past_due": days_past_due,
            "oldest_overdue_due_date": oldest_overdue_due_date,
            "overdue_interest": overdue_interest,
            "overdue_penalty": overdue_penalty,
            "overdue_principal": overdue_principal,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        collectibility = d.pop("collectibility")

        collectibility_label = d.pop("collectibility_label")

        days_past_due = d.pop("days_past_due")

        def _parse_oldest_overdue_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                oldest_overdue_due_date_type_0 = datetime.date.fromisoformat(data)



                return oldest_overdue_due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        oldest_overdue_due_date = _parse_oldest_overdue_due_date(d.pop("oldest_overdue_due_date"))


        overdue_interest = d.pop("overdue_interest")

        overdue_penalty = d.pop("overdue_penalty")

        overdue_principal = d.pop("overdue_principal")

        arrears_out = cls(
            collectibility=collectibility,
            collectibility_label=collectibility_label,
            days_past_due=days_past_due,
            oldest_overdue_due_date=oldest_overdue_due_date,
            overdue_interest=overdue_interest,
            overdue_penalty=overdue_penalty,
            overdue_principal=overdue_principal,
        )


        arrears_out.additional_properties = d
        return arrears_out

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
