from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="CollectionRowOut")



@_attrs_define
class CollectionRowOut:
    """ 
        Attributes:
            collectibility (int): OJK class 2-5 (1-90, 91-120, 121-180, >180 days).
            cooperative_id (UUID):
            days_past_due (int):
            interest_outstanding (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May
                be negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            loan_id (UUID):
            penalty_outstanding (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May
                be negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            principal_outstanding (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May
                be negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            product_id (UUID):
            promised_amount (None | str):
            promised_on (datetime.date | None): The latest promise to pay: its date.
            province_code (str):
     """

    collectibility: int
    cooperative_id: UUID
    days_past_due: int
    interest_outstanding: str
    loan_id: UUID
    penalty_outstanding: str
    principal_outstanding: str
    product_id: UUID
    promised_amount: None | str
    promised_on: datetime.date | None
    province_code: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        collectibility = self.collectibility

        cooperative_id = str(self.cooperative_id)

        days_past_due = self.days_past_due

        interest_outstanding = self.interest_outstanding

        loan_id = str(self.loan_id)

        penalty_outstanding = self.penalty_outstanding

        principal_outstanding = self.principal_outstanding

        product_id = str(self.product_id)

        promised_amount: None | str
        promised_amount = self.promised_amount

        promised_on: None | str
        if isinstance(self.promised_on, datetime.date):
            promised_on = self.promised_on.isoformat()
        else:
            promised_on = self.promised_on

        province_code = self.province_code


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "collectibility": collectibility,
            "cooperative_id": cooperative_id,
            "days_past_due": days_past_due,
            "interest_outstanding": interest_outstanding,
            "loan_id": loan_id,
            "penalty_outstanding": penalty_outstanding,
            "principal_outstanding": principal_outstanding,
            "product_id": product_id,
            "promised_amount": promised_amount,
            "promised_on": promised_on,
            "province_code": province_code,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        collectibility = d.pop("collectibility")

        cooperative_id = UUID(d.pop("cooperative_id"))




        days_past_due = d.pop("days_past_due")

        interest_outstanding = d.pop("interest_outstanding")

        loan_id = UUID(d.pop("loan_id"))




        penalty_outstanding = d.pop("penalty_outstanding")

        principal_outstanding = d.pop("principal_outstanding")

        product_id = UUID(d.pop("product_id"))




        def _parse_promised_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        promised_amount = _parse_promised_amount(d.pop("promised_amount"))


        def _parse_promised_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                promised_on_type_0 = datetime.date.fromisoformat(data)



                return promised_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        promised_on = _parse_promised_on(d.pop("promised_on"))


        province_code = d.pop("province_code")

        collection_row_out = cls(
            collectibility=collectibility,
            cooperative_id=cooperative_id,
            days_past_due=days_past_due,
            interest_outstanding=interest_outstanding,
            loan_id=loan_id,
            penalty_outstanding=penalty_outstanding,
            principal_outstanding=principal_outstanding,
            product_id=product_id,
            promised_amount=promised_amount,
            promised_on=promised_on,
            province_code=province_code,
        )


        collection_row_out.additional_properties = d
        return collection_row_out

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
