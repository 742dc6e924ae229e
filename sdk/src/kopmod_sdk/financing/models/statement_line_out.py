from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="StatementLineOut")



@_attrs_define
class StatementLineOut:
    """ 
        Attributes:
            amount (None | str):
            description (None | str):
            detail (None | str):
            line_no (int):
            loan_id (None | UUID):
            preview (str): `matched` (will be booked), `already_booked`, `not_matched`, `invalid` or `duplicate_in_file`.
            reference (None | str):
            result (None | str): After commit: `booked`, `already_booked`, `failed` (detail says why) or `skipped`; null
                before.
            transaction_id (None | UUID):
            value_date (datetime.date | None):
     """

    amount: None | str
    description: None | str
    detail: None | str
    line_no: int
    loan_id: None | UUID
    preview: str
    reference: None | str
    result: None | str
    transaction_id: None | UUID
    value_date: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        amount: None | str
        amount = self.amount

        description: None | str
        description = self.description

        detail: None | str
        detail = self.detail

        line_no = self.line_no

        loan_id: None | str
        if isinstance(self.loan_id, UUID):
            loan_id = str(self.loan_id)
        else:
            loan_id = self.loan_id

        preview = self.preview

        reference: None | str
        reference = self.reference

        result: None | str
        result = self.result

        transaction_id: None | str
        if isinstance(self.transaction_id, UUID):
            transaction_id = str(self.transaction_id)
        else:
            transaction_id = self.transaction_id

        value_date: None | str
        if isinstance(self.value_date, datetime.date):
            value_date = self.value_date.isoformat()
        else:
            value_date = self.value_date


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "amount": amount,
            "description": description,
            "detail": detail,
            "line_no": line_no,
            "loan_id": loan_id,
            "preview": preview,
            "reference": reference,
            "result": result,
            "transaction_id": transaction_id,
            "value_date": value_date,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount = _parse_amount(d.pop("amount"))


        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        def _parse_detail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        detail = _parse_detail(d.pop("detail"))


        line_no = d.pop("line_no")

        def _parse_loan_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                loan_id_type_0 = UUID(data)



                return loan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        loan_id = _parse_loan_id(d.pop("loan_id"))


        preview = d.pop("preview")

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))


        def _parse_result(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        result = _parse_result(d.pop("result"))


        def _parse_transaction_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                transaction_id_type_0 = UUID(data)



                return transaction_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        transaction_id = _parse_transaction_id(d.pop("transaction_id"))


        def _parse_value_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                value_date_type_0 = datetime.date.fromisoformat(data)



                return value_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        value_date = _parse_value_date(d.pop("value_date"))


        statement_line_out = cls(
            amount=amount,
            description=description,
            detail=detail,
            line_no=line_no,
            loan_id=loan_id,
            preview=preview,
            reference=reference,
            result=result,
            transaction_id=transaction_id,
            value_date=value_date,
        )


        statement_line_out.additional_properties = d
        return statement_line_out

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
