from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.loan_position_out import LoanPositionOut
  from ..models.transaction_out import TransactionOut





T = TypeVar("T", bound="CommandOut")



@_attrs_define
class CommandOut:
    """ 
        Attributes:
            loan (LoanPositionOut):
            replayed (bool | Unset): True when this external reference was already recorded: nothing new. Default: False.
            transaction (None | TransactionOut | Unset):
     """

    loan: LoanPositionOut
    replayed: bool | Unset = False
    transaction: None | TransactionOut | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.loan_position_out import LoanPositionOut # noqa: PLC0415
        from ..models.transaction_out import TransactionOut # noqa: PLC0415
        loan = self.loan.to_dict()

        replayed = self.replayed

        transaction: dict[str, Any] | None | Unset
        if isinstance(self.transaction, Unset):
            transaction = UNSET
        elif isinstance(self.transaction, TransactionOut):
            transaction = self.transaction.to_dict()
        else:
            transaction = self.transaction


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "loan": loan,
        })
        if replayed is not UNSET:
            field_dict["replayed"] = replayed
        if transaction is not UNSET:
            field_dict["transaction"] = transaction

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.loan_position_out import LoanPositionOut # noqa: PLC0415
        from ..models.transaction_out import TransactionOut # noqa: PLC0415
        d = dict(src_dict)
        loan = LoanPositionOut.from_dict(d.pop("loan"))




        replayed = d.pop("replayed", UNSET)

        def _parse_transaction(data: object) -> None | TransactionOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                transaction_type_0 = TransactionOut.from_dict(data)



                return transaction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TransactionOut | Unset, data)

        transaction = _parse_transaction(d.pop("transaction", UNSET))


        command_out = cls(
            loan=loan,
            replayed=replayed,
            transaction=transaction,
        )


        command_out.additional_properties = d
        return command_out

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
