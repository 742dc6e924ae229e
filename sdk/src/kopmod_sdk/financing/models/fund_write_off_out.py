from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="FundWriteOffOut")



@_attrs_define
class FundWriteOffOut:
    """ A write-off request in a fund's list, with whose loan it is.

        Attributes:
            cooperative_id (UUID):
            decided_at (datetime.datetime | None):
            decided_by (None | str):
            decision_note (None | str):
            fund_id (UUID):
            id (UUID):
            loan_id (UUID):
            reason (str):
            requested_at (datetime.datetime):
            requested_by (str):
            status (str): `proposed`, `approved` or `declined`.
            transaction_id (None | Unset | UUID): The write-off transaction an approval recorded.
     """

    cooperative_id: UUID
    decided_at: datetime.datetime | None
    decided_by: None | str
    decision_note: None | str
    fund_id: UUID
    id: UUID
    loan_id: UUID
    reason: str
    requested_at: datetime.datetime
    requested_by: str
    status: str
    transaction_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        cooperative_id = str(self.cooperative_id)

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by: None | str
        decided_by = self.decided_by

        decision_note: None | str
        decision_note = self.decision_note

        fund_id = str(self.fund_id)

        id = str(self.id)

        loan_id = str(self.loan_id)

        reason = self.reason

        requested_at = self.requested_at.isoformat()

        requested_by = self.requested_by

        status = self.status

        transaction_id: None | str | Unset
        if isinstance(self.transaction_id, Unset):
            transaction_id = UNSET
        elif isinstance(self.transaction_id, UUID):
            transaction_id = str(self.transaction_id)
        else:
            transaction_id = self.transaction_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "cooperative_id": cooperative_id,
            "decided_at": decided_at,
            "decided_by": decided_by,
            "decision_note": decision_note,
            "fund_id": fund_id,
            "id": id,
            "loan_id": loan_id,
            "reason": reason,
            "requested_at": requested_at,
            "requested_by": requested_by,
            "status": status,
        })
        if transaction_id is not UNSET:
            field_dict["transaction_id"] = transaction_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cooperative_id = UUID(d.pop("cooperative_id"))




        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)



                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))


        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))


        def _parse_decision_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_note = _parse_decision_note(d.pop("decision_note"))


        fund_id = UUID(d.pop("fund_id"))




        id = UUID(d.pop("id"))




        loan_id = UUID(d.pop("loan_id"))




        reason = d.pop("reason")

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))




        requested_by = d.pop("requested_by")

        status = d.pop("status")

        def _parse_transaction_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                transaction_id_type_0 = UUID(data)



                return transaction_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        transaction_id = _parse_transaction_id(d.pop("transaction_id", UNSET))


        fund_write_off_out = cls(
            cooperative_id=cooperative_id,
            decided_at=decided_at,
            decided_by=decided_by,
            decision_note=decision_note,
            fund_id=fund_id,
            id=id,
            loan_id=loan_id,
            reason=reason,
            requested_at=requested_at,
            requested_by=requested_by,
            status=status,
            transaction_id=transaction_id,
        )


        fund_write_off_out.additional_properties = d
        return fund_write_off_out

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
