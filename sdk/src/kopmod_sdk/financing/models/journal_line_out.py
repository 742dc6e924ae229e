from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.account import Account
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="JournalLineOut")



@_attrs_define
class JournalLineOut:
    """ 
        Attributes:
            account (Account): The fixed chart of accounts every fund has.
            credit (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            debit (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            loan_id (None | Unset | UUID): The loan the line belongs to; differs from the entry's only when an entry moves
                money between loans (a reschedule moves principal to the successor loan).
     """

    account: Account
    credit: str
    debit: str
    loan_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        account = self.account.value

        credit = self.credit

        debit = self.debit

        loan_id: None | str | Unset
        if isinstance(self.loan_id, Unset):
            loan_id = UNSET
        elif isinstance(self.loan_id, UUID):
            loan_id = str(self.loan_id)
        else:
            loan_id = self.loan_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account": account,
            "credit": credit,
            "debit": debit,
        })
        if loan_id is not UNSET:
            field_dict["loan_id"] = loan_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account = Account(d.pop("account"))




        credit = d.pop("credit")

        debit = d.pop("debit")

        def _parse_loan_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                loan_id_type_0 = UUID(data)



                return loan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        loan_id = _parse_loan_id(d.pop("loan_id", UNSET))


        journal_line_out = cls(
            account=account,
            credit=credit,
            debit=debit,
            loan_id=loan_id,
        )


        journal_line_out.additional_properties = d
        return journal_line_out

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
