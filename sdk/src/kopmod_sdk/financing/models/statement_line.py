from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="StatementLine")



@_attrs_define
class StatementLine:
    """ 
        Attributes:
            balance (str): Running balance on the account's normal side.
            credit (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            debit (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            entry_date (datetime.date):
            entry_id (UUID):
            kind (str):
            loan_id (None | UUID):
            memo (str):
            reference (None | str):
     """

    balance: str
    credit: str
    debit: str
    entry_date: datetime.date
    entry_id: UUID
    kind: str
    loan_id: None | UUID
    memo: str
    reference: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        credit = self.credit

        debit = self.debit

        entry_date = self.entry_date.isoformat()

        entry_id = str(self.entry_id)

        kind = self.kind

        loan_id: None | str
        if isinstance(self.loan_id, UUID):
            loan_id = str(self.loan_id)
        else:
            loan_id = self.loan_id

        memo = self.memo

        reference: None | str
        reference = self.reference


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "balance": balance,
            "credit": credit,
            "debit": debit,
            "entry_date": entry_date,
            "entry_id": entry_id,
            "kind": kind,
            "loan_id": loan_id,
            "memo": memo,
            "reference": reference,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        balance = d.pop("balance")

        credit = d.pop("credit")

        debit = d.pop("debit")

        entry_date = datetime.date.fromisoformat(d.pop("entry_date"))




        entry_id = UUID(d.pop("entry_id"))




        kind = d.pop("kind")

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


        memo = d.pop("memo")

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))


        statement_line = cls(
            balance=balance,
            credit=credit,
            debit=debit,
            entry_date=entry_date,
            entry_id=entry_id,
            kind=kind,
            loan_id=loan_id,
            memo=memo,
            reference=reference,
        )


        statement_line.additional_properties = d
        return statement_line

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
