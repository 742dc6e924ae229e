from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="QueuedApplicationOut")



@_attrs_define
class QueuedApplicationOut:
    """ 
        Attributes:
            age_days (int): Whole days in the current state.
            amount (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            application_id (UUID):
            cooperative_id (UUID):
            fund_id (UUID):
            holder (None | str): Who holds it: the last reviewer during review (null: nobody yet), `committee`,
                `cooperative` (approved: to sign) or `system` (eligibility).
            in_state_since (datetime.datetime):
            product_id (UUID):
            province_code (None | str):
            status (str):
     """

    age_days: int
    amount: str
    application_id: UUID
    cooperative_id: UUID
    fund_id: UUID
    holder: None | str
    in_state_since: datetime.datetime
    product_id: UUID
    province_code: None | str
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        age_days = self.age_days

        amount = self.amount

        application_id = str(self.application_id)

        cooperative_id = str(self.cooperative_id)

        fund_id = str(self.fund_id)

        holder: None | str
        holder = self.holder

        in_state_since = self.in_state_since.isoformat()

        product_id = str(self.product_id)

        province_code: None | str
        province_code = self.province_code

        status = self.status


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "age_days": age_days,
            "amount": amount,
            "application_id": application_id,
            "cooperative_id": cooperative_id,
            "fund_id": fund_id,
            "holder": holder,
            "in_state_since": in_state_since,
            "product_id": product_id,
            "province_code": province_code,
            "status": status,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        age_days = d.pop("age_days")

        amount = d.pop("amount")

        application_id = UUID(d.pop("application_id"))




        cooperative_id = UUID(d.pop("cooperative_id"))




        fund_id = UUID(d.pop("fund_id"))




        def _parse_holder(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        holder = _parse_holder(d.pop("holder"))


        in_state_since = datetime.datetime.fromisoformat(d.pop("in_state_since"))




        product_id = UUID(d.pop("product_id"))




        def _parse_province_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        province_code = _parse_province_code(d.pop("province_code"))


        status = d.pop("status")

        queued_application_out = cls(
            age_days=age_days,
            amount=amount,
            application_id=application_id,
            cooperative_id=cooperative_id,
            fund_id=fund_id,
            holder=holder,
            in_state_since=in_state_since,
            product_id=product_id,
            province_code=province_code,
            status=status,
        )


        queued_application_out.additional_properties = d
        return queued_application_out

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
