from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.trial_balance_row import TrialBalanceRow





T = TypeVar("T", bound="TrialBalance")



@_attrs_define
class TrialBalance:
    """ 
        Attributes:
            as_of (datetime.date | None):
            balanced (bool):
            fund_id (UUID):
            rows (list[TrialBalanceRow]):
            total_credits (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
            total_debits (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be
                negative where a rule allows. A JSON integer within the same digit limit is accepted as well.
     """

    as_of: datetime.date | None
    balanced: bool
    fund_id: UUID
    rows: list[TrialBalanceRow]
    total_credits: str
    total_debits: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.trial_balance_row import TrialBalanceRow # noqa: PLC0415
        as_of: None | str
        if isinstance(self.as_of, datetime.date):
            as_of = self.as_of.isoformat()
        else:
            as_of = self.as_of

        balanced = self.balanced

        fund_id = str(self.fund_id)

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)



        total_credits = self.total_credits

        total_debits = self.total_debits


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "balanced": balanced,
            "fund_id": fund_id,
            "rows": rows,
            "total_credits": total_credits,
            "total_debits": total_debits,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.trial_balance_row import TrialBalanceRow # noqa: PLC0415
        d = dict(src_dict)
        def _parse_as_of(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                as_of_type_0 = datetime.date.fromisoformat(data)



                return as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        as_of = _parse_as_of(d.pop("as_of"))


        balanced = d.pop("balanced")

        fund_id = UUID(d.pop("fund_id"))




        rows = []
        _rows = d.pop("rows")
        for rows_item_data in (_rows):
            rows_item = TrialBalanceRow.from_dict(rows_item_data)



            rows.append(rows_item)


        total_credits = d.pop("total_credits")

        total_debits = d.pop("total_debits")

        trial_balance = cls(
            as_of=as_of,
            balanced=balanced,
            fund_id=fund_id,
            rows=rows,
            total_credits=total_credits,
            total_debits=total_debits,
        )


        trial_balance.additional_properties = d
        return trial_balance

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
