from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.tx_kind import TxKind
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.allocation_out import AllocationOut





T = TypeVar("T", bound="TransactionOut")



@_attrs_define
class TransactionOut:
    """ 
        Attributes:
            allocation (AllocationOut | None): Where the money went, as of the latest replay (null when reversed).
            amount (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            created_at (datetime.datetime):
            created_by (str):
            external_reference (None | str):
            id (UUID):
            installment_number (int | None):
            kind (TxKind):
            loan_id (UUID):
            reversal_reason (None | str):
            reversed_ (bool):
            reversed_at (datetime.datetime | None):
            value_date (datetime.date):
            charge_kind (None | str | Unset): A fee's kind.
            note (None | str | Unset): A fee's reason, a reschedule's reason, a tranche's note.
     """

    allocation: AllocationOut | None
    amount: str
    created_at: datetime.datetime
    created_by: str
    external_reference: None | str
    id: UUID
    installment_number: int | None
    kind: TxKind
    loan_id: UUID
    reversal_reason: None | str
    reversed_: bool
    reversed_at: datetime.datetime | None
    value_date: datetime.date
    charge_kind: None | str | Unset = UNSET
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.allocation_out import AllocationOut # noqa: PLC0415
        allocation: dict[str, Any] | None
        if isinstance(self.allocation, AllocationOut):
            allocation = self.allocation.to_dict()
        else:
            allocation = self.allocation

        amount = self.amount

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        external_reference: None | str
        external_reference = self.external_reference

        id = str(self.id)

        installment_number: int | None
        installment_number = self.installment_number

        kind = self.kind.value

        loan_id = str(self.loan_id)

        reversal_reason: None | str
        reversal_reason = self.reversal_reason

        reversed_ = self.reversed_

        reversed_at: None | str
        if isinstance(self.reversed_at, datetime.datetime):
            reversed_at = self.reversed_at.isoformat()
        else:
            reversed_at = self.reversed_at

        value_date = self.value_date.isoformat()

        charge_kind: None | str | Unset
        if isinstance(self.charge_kind, Unset):
            charge_kind = UNSET
        else:
            charge_kind = self.charge_kind

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "allocation": allocation,
            "amount": amount,
            "created_at": created_at,
            "created_by": created_by,
            "external_reference": external_reference,
            "id": id,
            "installment_number": installment_number,
            "kind": kind,
            "loan_id": loan_id,
            "reversal_reason": reversal_reason,
            "reversed": reversed_,
            "reversed_at": reversed_at,
            "value_date": value_date,
        })
        if charge_kind is not UNSET:
            field_dict["charge_kind"] = charge_kind
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.allocation_out import AllocationOut # noqa: PLC0415
        d = dict(src_dict)
        def _parse_allocation(data: object) -> AllocationOut | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                allocation_type_0 = AllocationOut.from_dict(data)



                return allocation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AllocationOut | None, data)

        allocation = _parse_allocation(d.pop("allocation"))


        amount = d.pop("amount")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        created_by = d.pop("created_by")

        def _parse_external_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_reference = _parse_external_reference(d.pop("external_reference"))


        id = UUID(d.pop("id"))




        def _parse_installment_number(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        installment_number = _parse_installment_number(d.pop("installment_number"))


        kind = TxKind(d.pop("kind"))




        loan_id = UUID(d.pop("loan_id"))




        def _parse_reversal_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reversal_reason = _parse_reversal_reason(d.pop("reversal_reason"))


        reversed_ = d.pop("reversed")

        def _parse_reversed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reversed_at_type_0 = datetime.datetime.fromisoformat(data)



                return reversed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reversed_at = _parse_reversed_at(d.pop("reversed_at"))


        value_date = datetime.date.fromisoformat(d.pop("value_date"))




        def _parse_charge_kind(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        charge_kind = _parse_charge_kind(d.pop("charge_kind", UNSET))


        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        transaction_out = cls(
            allocation=allocation,
            amount=amount,
            created_at=created_at,
            created_by=created_by,
            external_reference=external_reference,
            id=id,
            installment_number=installment_number,
            kind=kind,
            loan_id=loan_id,
            reversal_reason=reversal_reason,
            reversed_=reversed_,
            reversed_at=reversed_at,
            value_date=value_date,
            charge_kind=charge_kind,
            note=note,
        )


        transaction_out.additional_properties = d
        return transaction_out

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
