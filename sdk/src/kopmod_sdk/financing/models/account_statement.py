from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.account import Account
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.statement_line import StatementLine





T = TypeVar("T", bound="AccountStatement")



@_attrs_define
class AccountStatement:
    """ 
        Attributes:
            account (Account): The fixed chart of accounts every fund has.
            closing_balance (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            date_from (datetime.date | None):
            date_to (datetime.date | None):
            fund_id (UUID):
            lines (list[StatementLine]):
            opening_balance (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            truncated (bool): True when more lines exist than `limit`.
     """

    account: Account
    closing_balance: str
    date_from: datetime.date | None
    date_to: datetime.date | None
    fund_id: UUID
    lines: list[StatementLine]
    opening_balance: str
    truncated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.statement_line import StatementLine # noqa: PLC0415
        account = self.account.value

        closing_balance = self.closing_balance

        date_from: None | str
        if isinstance(self.date_from, datetime.date):
            date_from = self.date_from.isoformat()
        else:
            date_from = self.date_from

        date_to: None | str
        if isinstance(self.date_to, datetime.date):
            date_to = self.date_to.isoformat()
        else:
            date_to = self.date_to

        fund_id = str(self.fund_id)

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)



        opening_balance = self.opening_balance

        truncated = self.truncated


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "account": account,
            "closing_balance": closing_balance,
            "date_from": date_from,
            "date_to": date_to,
            "fund_id": fund_id,
            "lines": lines,
            "opening_balance": opening_balance,
            "truncated": truncated,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.statement_line import StatementLine # noqa: PLC0415
        d = dict(src_dict)
        account = Account(d.pop("account"))




        closing_balance = d.pop("closing_balance")

        def _parse_date_from(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_from_type_0 = datetime.date.fromisoformat(data)



                return date_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        date_from = _parse_date_from(d.pop("date_from"))


        def _parse_date_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_to_type_0 = datetime.date.fromisoformat(data)



                return date_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        date_to = _parse_date_to(d.pop("date_to"))


        fund_id = UUID(d.pop("fund_id"))




        lines = []
        _lines = d.pop("lines")
        for lines_item_data in (_lines):
            lines_item = StatementLine.from_dict(lines_item_data)



            lines.append(lines_item)


        opening_balance = d.pop("opening_balance")

        truncated = d.pop("truncated")

        account_statement = cls(
            account=account,
            closing_balance=closing_balance,
            date_from=date_from,
            date_to=date_to,
            fund_id=fund_id,
            lines=lines,
            opening_balance=opening_balance,
            truncated=truncated,
        )


        account_statement.additional_properties = d
        return account_statement

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
