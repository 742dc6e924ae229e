from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.action import Action
from ..models.application_status import ApplicationStatus
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.planned_tranche import PlannedTranche
  from ..models.use_of_funds_item import UseOfFundsItem





T = TypeVar("T", bound="ApplicationOut")



@_attrs_define
class ApplicationOut:
    """ 
        Attributes:
            allowed_actions (list[Action]): What can happen next (by someone).
            amount (str): An amount in rupiah: a decimal string with at most 2 decimals, answered with 2. May be negative
                where a rule allows. A JSON integer within the same digit limit is accepted as well.
            annual_rate (None | str): Rate the schedule uses.
            approved_amount (None | str):
            approved_grace_periods (int | None):
            approved_on (datetime.date | None):
            approved_tenor_periods (int | None):
            cooperative_id (UUID):
            created_at (datetime.datetime):
            created_by (str):
            current_loan_id (None | UUID): The loan servicing the application now: `loan_id` until a reschedule is approved,
                then the successor loan (after several reschedules, the latest, following `rescheduled_to_id` from `loan_id`).
                Null until signed.
            decided_by (None | str):
            decision_reason (None | str):
            eligibility_attempts (int):
            eligibility_last_error (None | str):
            eligibility_next_at (datetime.datetime | None):
            fund_id (UUID):
            grace_periods (int):
            id (UUID):
            loan_id (None | UUID): The loan signing the agreement created; it stays the same after a reschedule (that loan
                is then `closed_rescheduled`). Null until signed.
            offtake_contract_ids (list[UUID]):
            product_id (UUID):
            province_code (None | str):
            purpose (str):
            status (ApplicationStatus): States of a financing application (the transitions live in the financing service).
            submitted_at (datetime.datetime | None):
            tariff_rate (None | str): Tariff in force on the approval date.
            tenor_periods (int):
            tranche_plan (list[PlannedTranche]):
            use_of_funds (list[UseOfFundsItem]):
     """

    allowed_actions: list[Action]
    amount: str
    annual_rate: None | str
    approved_amount: None | str
    approved_grace_periods: int | None
    approved_on: datetime.date | None
    approved_tenor_periods: int | None
    cooperative_id: UUID
    created_at: datetime.datetime
    created_by: str
    current_loan_id: None | UUID
    decided_by: None | str
    decision_reason: None | str
    eligibility_attempts: int
    eligibility_last_error: None | str
    eligibility_next_at: datetime.datetime | None
    fund_id: UUID
    grace_periods: int
    id: UUID
    loan_id: None | UUID
    offtake_contract_ids: list[UUID]
    product_id: UUID
    province_code: None | str
    purpose: str
    status: ApplicationStatus
    submitted_at: datetime.datetime | None
    tariff_rate: None | str
    tenor_periods: int
    tranche_plan: list[PlannedTranche]
    use_of_funds: list[UseOfFundsItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.planned_tranche import PlannedTranche # noqa: PLC0415
        from ..models.use_of_funds_item import UseOfFundsItem # noqa: PLC0415
        allowed_actions = []
        for allowed_actions_item_data in self.allowed_actions:
            allowed_actions_item = allowed_actions_item_data.value
            allowed_actions.append(allowed_actions_item)



        amount = self.amount

        annual_rate: None | str
        annual_rate = self.annual_rate

        approved_amount: None | str
        approved_amount = self.approved_amount

        approved_grace_periods: int | None
        approved_grace_periods = self.approved_grace_periods

        approved_on: None | str
        if isinstance(self.approved_on, datetime.date):
            approved_on = self.approved_on.isoformat()
        else:
            approved_on = self.approved_on

        approved_tenor_periods: int | None
        approved_tenor_periods = self.approved_tenor_periods

        cooperative_id = str(self.cooperative_id)

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        current_loan_id: None | str
        if isinstance(self.current_loan_id, UUID):
            current_loan_id = str(self.current_loan_id)
        else:
            current_loan_id = self.current_loan_id

        decided_by: None | str
        decided_by = self.decided_by

        decision_reason: None | str
        decision_reason = self.decision_reason

        eligibility_attempts = self.eligibility_attempts

        eligibility_last_error: None | str
        eligibility_last_error = self.eligibility_last_error

        eligibility_next_at: None | str
        if isinstance(self.eligibility_next_at, datetime.datetime):
            eligibility_next_at = self.eligibility_next_at.isoformat()
        else:
            eligibility_next_at = self.eligibility_next_at

        fund_id = str(self.fund_id)

        grace_periods = self.grace_periods

        id = str(self.id)

        loan_id: None | str
        if isinstance(self.loan_id, UUID):
            loan_id = str(self.loan_id)
        else:
            loan_id = self.loan_id

        offtake_contract_ids = []
        for offtake_contract_ids_item_data in self.offtake_contract_ids:
            offtake_contract_ids_item = str(offtake_contract_ids_item_data)
            offtake_contract_ids.append(offtake_contract_ids_item)



        product_id = str(self.product_id)

        province_code: None | str
        province_code = self.province_code

        purpose = self.purpose

        status = self.status.value

        submitted_at: None | str
        if isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        tariff_rate: None | str
        tariff_rate = self.tariff_rate

        tenor_periods = self.tenor_periods

        tranche_plan = []
        for tranche_plan_item_data in self.tranche_plan:
            tranche_plan_item = tranche_plan_item_data.to_dict()
            tranche_plan.append(tranche_plan_item)



        use_of_funds = []
        for use_of_funds_item_data in self.use_of_funds:
            use_of_funds_item = use_of_funds_item_data.to_dict()
            use_of_funds.append(use_of_funds_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "allowed_actions": allowed_actions,
            "amount": amount,
            "annual_rate": annual_rate,
            "approved_amount": approved_amount,
            "approved_grace_periods": approved_grace_periods,
            "approved_on": approved_on,
            "approved_tenor_periods": approved_tenor_periods,
            "cooperative_id": cooperative_id,
            "created_at": created_at,
            "created_by": created_by,
            "current_loan_id": current_loan_id,
            "decided_by": decided_by,
            "decision_reason": decision_reason,
            "eligibility_attempts": eligibility_attempts,
            "eligibility_last_error": eligibility_last_error,
            "eligibility_next_at": eligibility_next_at,
            "fund_id": fund_id,
            "grace_periods": grace_periods,
            "id": id,
            "loan_id": loan_id,
            "offtake_contract_ids": offtake_contract_ids,
            "product_id": product_id,
            "province_code": province_code,
            "purpose": purpose,
            "status": status,
            "submitted_at": submitted_at,
            "tariff_rate": tariff_rate,
            "tenor_periods": tenor_periods,
            "tranche_plan": tranche_plan,
            "use_of_funds": use_of_funds,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.planned_tranche import PlannedTranche # noqa: PLC0415
        from ..models.use_of_funds_item import UseOfFundsItem # noqa: PLC0415
        d = dict(src_dict)
        allowed_actions = []
        _allowed_actions = d.pop("allowed_actions")
        for allowed_actions_item_data in (_allowed_actions):
            allowed_actions_item = Action(allowed_actions_item_data)



            allowed_actions.append(allowed_actions_item)


        amount = d.pop("amount")

        def _parse_annual_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        annual_rate = _parse_annual_rate(d.pop("annual_rate"))


        def _parse_approved_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_amount = _parse_approved_amount(d.pop("approved_amount"))


        def _parse_approved_grace_periods(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        approved_grace_periods = _parse_approved_grace_periods(d.pop("approved_grace_periods"))


        def _parse_approved_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_on_type_0 = datetime.date.fromisoformat(data)



                return approved_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        approved_on = _parse_approved_on(d.pop("approved_on"))


        def _parse_approved_tenor_periods(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        approved_tenor_periods = _parse_approved_tenor_periods(d.pop("approved_tenor_periods"))


        cooperative_id = UUID(d.pop("cooperative_id"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        created_by = d.pop("created_by")

        def _parse_current_loan_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                current_loan_id_type_0 = UUID(data)



                return current_loan_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        current_loan_id = _parse_current_loan_id(d.pop("current_loan_id"))


        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))


        def _parse_decision_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_reason = _parse_decision_reason(d.pop("decision_reason"))


        eligibility_attempts = d.pop("eligibility_attempts")

        def _parse_eligibility_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        eligibility_last_error = _parse_eligibility_last_error(d.pop("eligibility_last_error"))


        def _parse_eligibility_next_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                eligibility_next_at_type_0 = datetime.datetime.fromisoformat(data)



                return eligibility_next_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        eligibility_next_at = _parse_eligibility_next_at(d.pop("eligibility_next_at"))


        fund_id = UUID(d.pop("fund_id"))




        grace_periods = d.pop("grace_periods")

        id = UUID(d.pop("id"))




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


        offtake_contract_ids = []
        _offtake_contract_ids = d.pop("offtake_contract_ids")
        for offtake_contract_ids_item_data in (_offtake_contract_ids):
            offtake_contract_ids_item = UUID(offtake_contract_ids_item_data)



            offtake_contract_ids.append(offtake_contract_ids_item)


        product_id = UUID(d.pop("product_id"))




        def _parse_province_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        province_code = _parse_province_code(d.pop("province_code"))


        purpose = d.pop("purpose")

        status = ApplicationStatus(d.pop("status"))




        def _parse_submitted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)



                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))


        def _parse_tariff_rate(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tariff_rate = _parse_tariff_rate(d.pop("tariff_rate"))


        tenor_periods = d.pop("tenor_periods")

        tranche_plan = []
        _tranche_plan = d.pop("tranche_plan")
        for tranche_plan_item_data in (_tranche_plan):
            tranche_plan_item = PlannedTranche.from_dict(tranche_plan_item_data)



            tranche_plan.append(tranche_plan_item)


        use_of_funds = []
        _use_of_funds = d.pop("use_of_funds")
        for use_of_funds_item_data in (_use_of_funds):
            use_of_funds_item = UseOfFundsItem.from_dict(use_of_funds_item_data)



            use_of_funds.append(use_of_funds_item)


        application_out = cls(
            allowed_actions=allowed_actions,
            amount=amount,
            annual_rate=annual_rate,
            approved_amount=approved_amount,
            approved_grace_periods=approved_grace_periods,
            approved_on=approved_on,
            approved_tenor_periods=approved_tenor_periods,
            cooperative_id=cooperative_id,
            created_at=created_at,
            created_by=created_by,
            current_loan_id=current_loan_id,
            decided_by=decided_by,
            decision_reason=decision_reason,
            eligibility_attempts=eligibility_attempts,
            eligibility_last_error=eligibility_last_error,
            eligibility_next_at=eligibility_next_at,
            fund_id=fund_id,
            grace_periods=grace_periods,
            id=id,
            loan_id=loan_id,
            offtake_contract_ids=offtake_contract_ids,
            product_id=product_id,
            province_code=province_code,
            purpose=purpose,
            status=status,
            submitted_at=submitted_at,
            tariff_rate=tariff_rate,
            tenor_periods=tenor_periods,
            tranche_plan=tranche_plan,
            use_of_funds=use_of_funds,
        )


        application_out.additional_properties = d
        return application_out

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
