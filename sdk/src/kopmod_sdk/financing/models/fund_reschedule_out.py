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

if TYPE_CHECKING:
  from ..models.reschedule_preview_out import ReschedulePreviewOut





T = TypeVar("T", bound="FundRescheduleOut")



@_attrs_define
class FundRescheduleOut:
    """ A reschedule request in a fund's list, with whose loan it is.

        Attributes:
            capitalise_arrears (bool):
            cooperative_id (UUID):
            decided_at (datetime.datetime | None):
            decided_by (None | str):
            decision_note (None | str):
            fund_id (UUID):
            grace_periods (int):
            id (UUID):
            loan_id (UUID):
            on_date (datetime.date):
            preview (ReschedulePreviewOut):
            reason (str):
            requested_at (datetime.datetime):
            requested_by (str):
            status (str):
            tenor_periods (int):
            successor_loan_id (None | Unset | UUID): The loan an approval opened to continue this one.
     """

    capitalise_arrears: bool
    cooperative_id: UUID
    decided_at: datetime.datetime | None
    decided_by: None | str
    decision_note: None | str
    fund_id: UUID
    grace_periods: int
    id: UUID
    loan_id: UUID
    on_date: datetime.date
    preview: ReschedulePreviewOut
    reason: str
    requested_at: datetime.datetime
    requested_by: str
    status: str
    tenor_periods: int
    successor_loan_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.reschedule_preview_out import ReschedulePreviewOut # noqa: PLC0415
        capitalise_arrears = self.capitalise_arrears

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

        grace_periods = self.grace_periods

        id = str(self.id)

        loan_id = str(self.loan_id)

        on_date = self.on_date.isoformat()

        preview = self.preview.to_dict()

        reason = self.reason

        requested_at = self.requested_at.isoformat()

        requested_by = self.requested_by

        status = self.status

        tenor_periods = self.tenor_periods

        successor_loan_id: None | str | Unset
        if isinstance(self.successor_loan_id, Unset):
            successor_loan_id = UNSET
        elif isinstance(self.successor_loan_id, UUID):
            successor_loan_id = str(self.successor_loan_id)
        else:
            successor_loan_id = self.successor_loan_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "capitalise_arrears": capitalise_arrears,
            "cooperative_id": cooperative_id,
            "decided_at": decided_at,
            "decided_by": decided_by,
            "decision_note": decision_note,
            "fund_id": fund_id,
            "grace_periods": grace_periods,
            "id": id,
            "loan_id": loan_id,
            "on_date": on_date,
            "preview": preview,
            "reason": reason,
            "requested_at": requested_at,
            "requested_by": requested_by,
            "status": status,
            "tenor_periods": tenor_periods,
        })
        if successor_loan_id is not UNSET:
            field_dict["successor_loan_id"] = successor_loan_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reschedule_preview_out import ReschedulePreviewOut # noqa: PLC0415
        d = dict(src_dict)
        capitalise_arrears = d.pop("capitalise_arrears")

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




        grace_periods = d.pop("grace_periods")

        id = UUID(d.pop("id"))




        loan_id = UUID(d.pop("loan_id"))




        on_date = datetime.date.fromisoformat(d.pop("on_date"))




        preview = ReschedulePreviewOut.from_dict(d.pop("preview"))




        reason = d.pop("reason")

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))




        requested_by = d.pop("requested_by")

        status = d.pop("status")

        tenor_periods = d.pop("tenor_periods")

        def _parse_successor_loan_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                successor_loan_id_type_0 = UUID(data)



                return successor_loan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        successor_loan_id = _parse_successor_loan_id(d.pop("successor_loan_id", UNSET))


        fund_reschedule_out = cls(
            capitalise_arrears=capitalise_arrears,
            cooperative_id=cooperative_id,
            decided_at=decided_at,
            decided_by=decided_by,
            decision_note=decision_note,
            fund_id=fund_id,
            grace_periods=grace_periods,
            id=id,
            loan_id=loan_id,
            on_date=on_date,
            preview=preview,
            reason=reason,
            requested_at=requested_at,
            requested_by=requested_by,
            status=status,
            tenor_periods=tenor_periods,
            successor_loan_id=successor_loan_id,
        )


        fund_reschedule_out.additional_properties = d
        return fund_reschedule_out

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
