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
  from ..models.financing_summary_applications_by_status import FinancingSummaryApplicationsByStatus





T = TypeVar("T", bound="FinancingSummary")



@_attrs_define
class FinancingSummary:
    """ A cooperative's financing record in one read, for other services (e.g. the registry's
    modernisation scorecard): ``GET /v1/cooperatives/{id}/financing-summary``.

        Attributes:
            active_loans (int): Loans disbursed and not closed (active or overpaid).
            any_written_off (bool):
            applications_approved (int): Approved or signed.
            applications_by_status (FinancingSummaryApplicationsByStatus): Count per application status (only statuses with
                at least one).
            applications_in_review (int): Submitted and not yet decided (submitted ... committee).
            applications_total (int):
            as_of (datetime.date): The day the repayment record was judged on.
            cooperative_id (UUID):
            current_collectibility (int | None): Worst OJK class (1-5) among open loans today; null without open loans.
            disbursed_total (str): Principal disbursed over every loan.
            installments_due (int): Installments due on or before `as_of`.
            installments_paid_on_time (int): Of those, paid in full by their due date plus the product's tolerance.
            loans_total (int): Every signed loan, open or closed.
            on_time_share (None | str): installments_paid_on_time / installments_due; null when nothing was due.
            outstanding_principal (str): Principal still owed on every loan.
            worst_collectibility (int | None): Worst OJK class any installment reached (by its days late); null when nothing
                was ever due.
            written_off_loans (int):
            applications_recent (int | Unset): Applications started on the platform in the 365 days before `as_of`
                (technology adoption: the cooperative applies digitally). Default: 0.
            webhook_endpoints (int | Unset): Enabled webhook endpoints the cooperative subscribed at financing. Default: 0.
     """

    active_loans: int
    any_written_off: bool
    applications_approved: int
    applications_by_status: FinancingSummaryApplicationsByStatus
    applications_in_review: int
    applications_total: int
    as_of: datetime.date
    cooperative_id: UUID
    current_collectibility: int | None
    disbursed_total: str
    installments_due: int
    installments_paid_on_time: int
    loans_total: int
    on_time_share: None | str
    outstanding_principal: str
    worst_collectibility: int | None
    written_off_loans: int
    applications_recent: int | Unset = 0
    webhook_endpoints: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.financing_summary_applications_by_status import FinancingSummaryApplicationsByStatus # noqa: PLC0415
        active_loans = self.active_loans

        any_written_off = self.any_written_off

        applications_approved = self.applications_approved

        applications_by_status = self.applications_by_status.to_dict()

        applications_in_review = self.applications_in_review

        applications_total = self.applications_total

        as_of = self.as_of.isoformat()

        cooperative_id = str(self.cooperative_id)

        current_collectibility: int | None
        current_collectibility = self.current_collectibility

        disbursed_total = self.disbursed_total

        installments_due = self.installments_due

        installments_paid_on_time = self.installments_paid_on_time

        loans_total = self.loans_total

        on_time_share: None | str
        on_time_share = self.on_time_share

        outstanding_principal = self.outstanding_principal

        worst_collectibility: int | None
        worst_collectibility = self.worst_collectibility

        written_off_loans = self.written_off_loans

        applications_recent = self.applications_recent

        webhook_endpoints = self.webhook_endpoints


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "active_loans": active_loans,
            "any_written_off": any_written_off,
            "applications_approved": applications_approved,
            "applications_by_status": applications_by_status,
            "applications_in_review": applications_in_review,
            "applications_total": applications_total,
            "as_of": as_of,
            "cooperative_id": cooperative_id,
            "current_collectibility": current_collectibility,
            "disbursed_total": disbursed_total,
            "installments_due": installments_due,
            "installments_paid_on_time": installments_paid_on_time,
            "loans_total": loans_total,
            "on_time_share": on_time_share,
            "outstanding_principal": outstanding_principal,
            "worst_collectibility": worst_collectibility,
            "written_off_loans": written_off_loans,
        })
        if applications_recent is not UNSET:
            field_dict["applications_recent"] = applications_recent
        if webhook_endpoints is not UNSET:
            field_dict["webhook_endpoints"] = webhook_endpoints

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.financing_summary_applications_by_status import FinancingSummaryApplicationsByStatus # noqa: PLC0415
        d = dict(src_dict)
        active_loans = d.pop("active_loans")

        any_written_off = d.pop("any_written_off")

        applications_approved = d.pop("applications_approved")

        applications_by_status = FinancingSummaryApplicationsByStatus.from_dict(d.pop("applications_by_status"))




        applications_in_review = d.pop("applications_in_review")

        applications_total = d.pop("applications_total")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))




        cooperative_id = UUID(d.pop("cooperative_id"))




        def _parse_current_collectibility(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        current_collectibility = _parse_current_collectibility(d.pop("current_collectibility"))


        disbursed_total = d.pop("disbursed_total")

        installments_due = d.pop("installments_due")

        installments_paid_on_time = d.pop("installments_paid_on_time")

        loans_total = d.pop("loans_total")

        def _parse_on_time_share(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        on_time_share = _parse_on_time_share(d.pop("on_time_share"))


        outstanding_principal = d.pop("outstanding_principal")

        def _parse_worst_collectibility(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        worst_collectibility = _parse_worst_collectibility(d.pop("worst_collectibility"))


        written_off_loans = d.pop("written_off_loans")

        applications_recent = d.pop("applications_recent", UNSET)

        webhook_endpoints = d.pop("webhook_endpoints", UNSET)

        financing_summary = cls(
            active_loans=active_loans,
            any_written_off=any_written_off,
            applications_approved=applications_approved,
            applications_by_status=applications_by_status,
            applications_in_review=applications_in_review,
            applications_total=applications_total,
            as_of=as_of,
            cooperative_id=cooperative_id,
            current_collectibility=current_collectibility,
            disbursed_total=disbursed_total,
            installments_due=installments_due,
            installments_paid_on_time=installments_paid_on_time,
            loans_total=loans_total,
            on_time_share=on_time_share,
            outstanding_principal=outstanding_principal,
            worst_collectibility=worst_collectibility,
            written_off_loans=written_off_loans,
            applications_recent=applications_recent,
            webhook_endpoints=webhook_endpoints,
        )


        financing_summary.additional_properties = d
        return financing_summary

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
