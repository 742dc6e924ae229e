from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.transaction_out import TransactionOut





T = TypeVar("T", bound="StatementRowOut")



@_attrs_define
class StatementRowOut:
    """ 
        Attributes:
            principal_outstanding_after (None | str):
            transaction (TransactionOut):
     """

    principal_outstanding_after: None | str
    transaction: TransactionOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.transaction_out import TransactionOut # noqa: PLC0415
        principal_outstanding_after: None | str
        principal_outstanding_after = self.principal_outstanding_after

        transaction = self.transaction.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "principal_outstanding_after": principal_outstanding_after,
            "transaction": transaction,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.transaction_out import TransactionOut # noqa: PLC0415
        d = dict(src_dict)
        def _parse_principal_outstanding_after(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        principal_outstanding_after = _parse_principal_outstanding_after(d.pop("principal_outstanding_after"))


        transaction = TransactionOut.from_dict(d.pop("transaction"))




        statement_row_out = cls(
            principal_outstanding_after=principal_outstanding_after,
            transaction=transaction,
        )


        statement_row_out.additional_properties = d
        return statement_row_out

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
