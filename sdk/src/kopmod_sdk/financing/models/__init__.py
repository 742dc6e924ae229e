""" Contains all the data models used in inputs/outputs """

from .account import Account
from .account_statement import AccountStatement
from .action import Action
from .agreement_out import AgreementOut
from .agreement_terms import AgreementTerms
from .agreement_terms_tranche_plan_item import AgreementTermsTranchePlanItem
from .akad import Akad
from .allocation_out import AllocationOut
from .allocation_part import AllocationPart
from .application_create import ApplicationCreate
from .application_event_out import ApplicationEventOut
from .application_event_out_page import ApplicationEventOutPage
from .application_out import ApplicationOut
from .application_out_page import ApplicationOutPage
from .application_status import ApplicationStatus
from .application_update import ApplicationUpdate
from .approval import Approval
from .arrears_out import ArrearsOut
from .assessment_create import AssessmentCreate
from .assessment_out import AssessmentOut
from .assessment_out_page import AssessmentOutPage
from .audit_record_out import AuditRecordOut
from .audit_record_out_page import AuditRecordOutPage
from .audit_record_out_request import AuditRecordOutRequest
from .body_applications_upload_document import BodyApplicationsUploadDocument
from .body_servicing_upload_statement import BodyServicingUploadStatement
from .bucket_out import BucketOut
from .business_date_out import BusinessDateOut
from .business_date_set import BusinessDateSet
from .calculation_in import CalculationIn
from .calculation_out import CalculationOut
from .capital_injection import CapitalInjection
from .class_change_out import ClassChangeOut
from .closed_day_out import ClosedDayOut
from .collection_out import CollectionOut
from .collection_row_out import CollectionRowOut
from .command_out import CommandOut
from .contract_status import ContractStatus
from .contract_summary import ContractSummary
from .countersignature import Countersignature
from .decision_create import DecisionCreate
from .decision_out import DecisionOut
from .decision_out_page import DecisionOutPage
from .disbursement_create import DisbursementCreate
from .document_kind import DocumentKind
from .document_out import DocumentOut
from .document_out_page import DocumentOutPage
from .document_request_create import DocumentRequestCreate
from .document_request_out import DocumentRequestOut
from .document_request_out_page import DocumentRequestOutPage
from .due_out import DueOut
from .due_row_out import DueRowOut
from .eligibility_out import EligibilityOut
from .eligibility_out_page import EligibilityOutPage
from .eligibility_rules import EligibilityRules
from .end_of_day_create import EndOfDayCreate
from .end_of_day_out import EndOfDayOut
from .endpoint_create import EndpointCreate
from .endpoint_out import EndpointOut
from .endpoint_out_page import EndpointOutPage
from .endpoint_update import EndpointUpdate
from .endpoint_with_secret import EndpointWithSecret
from .fee_create import FeeCreate
from .field_error import FieldError
from .figure import Figure
from .figure_inputs import FigureInputs
from .figure_name import FigureName
from .financing_summary import FinancingSummary
from .financing_summary_applications_by_status import FinancingSummaryApplicationsByStatus
from .financing_summary_page import FinancingSummaryPage
from .finding import Finding
from .finding_code import FindingCode
from .finding_params import FindingParams
from .flow_month_out import FlowMonthOut
from .flows_out import FlowsOut
from .forecast_out import ForecastOut
from .frequency import Frequency
from .fund_create import FundCreate
from .fund_history_out import FundHistoryOut
from .fund_out import FundOut
from .fund_out_page import FundOutPage
from .fund_point_out import FundPointOut
from .fund_position_out import FundPositionOut
from .fund_reschedule_out import FundRescheduleOut
from .fund_reschedule_out_page import FundRescheduleOutPage
from .fund_write_off_out import FundWriteOffOut
from .fund_write_off_out_page import FundWriteOffOutPage
from .health import Health
from .health_category import HealthCategory
from .installment_out import InstallmentOut
from .installment_preview_out import InstallmentPreviewOut
from .interest_method import InterestMethod
from .journal_entry_out import JournalEntryOut
from .journal_entry_out_page import JournalEntryOutPage
from .journal_line_out import JournalLineOut
from .loan_account_out import LoanAccountOut
from .loan_account_out_page import LoanAccountOutPage
from .loan_out import LoanOut
from .loan_position_out import LoanPositionOut
from .loan_state import LoanState
from .me import Me
from .milestone_status import MilestoneStatus
from .month_out import MonthOut
from .monthly_flows_out import MonthlyFlowsOut
from .note import Note
from .npl_month_out import NplMonthOut
from .npl_trend_out import NplTrendOut
from .outcome import Outcome
from .party import Party
from .pattern import Pattern
from .payoff_quote_out import PayoffQuoteOut
from .planned_tranche import PlannedTranche
from .portfolio_out import PortfolioOut
from .problem import Problem
from .product_create import ProductCreate
from .product_out import ProductOut
from .product_out_page import ProductOutPage
from .product_state_change import ProductStateChange
from .promise_create import PromiseCreate
from .promise_out import PromiseOut
from .promise_out_page import PromiseOutPage
from .purpose import Purpose
from .queued_application_out import QueuedApplicationOut
from .queued_application_out_page import QueuedApplicationOutPage
from .queues_application_queue_format import QueuesApplicationQueueFormat
from .queues_collection_list_format import QueuesCollectionListFormat
from .queues_due_soon_format import QueuesDueSoonFormat
from .queues_list_promises_format import QueuesListPromisesFormat
from .queues_list_promises_status_type_0 import QueuesListPromisesStatusType0
from .readiness import Readiness
from .recommendation import Recommendation
from .recovery_create import RecoveryCreate
from .refund_create import RefundCreate
from .rejection import Rejection
from .repayment_create import RepaymentCreate
from .request_status import RequestStatus
from .reschedule_create import RescheduleCreate
from .reschedule_decision import RescheduleDecision
from .reschedule_out import RescheduleOut
from .reschedule_out_page import RescheduleOutPage
from .reschedule_preview_out import ReschedulePreviewOut
from .reschedule_terms import RescheduleTerms
from .restructuring_kind import RestructuringKind
from .reversal_create import ReversalCreate
from .reverse_entry import ReverseEntry
from .role import Role
from .rule_outcome import RuleOutcome
from .schedule_out import ScheduleOut
from .schedule_preview_out import SchedulePreviewOut
from .schedule_row_out import ScheduleRowOut
from .schedule_row_out_status import ScheduleRowOutStatus
from .scheduled_delivery import ScheduledDelivery
from .servicing_fund_position_history_step import ServicingFundPositionHistoryStep
from .servicing_fund_reschedules_status import ServicingFundReschedulesStatus
from .servicing_fund_write_offs_status import ServicingFundWriteOffsStatus
from .servicing_loan_schedule_format_type_0 import ServicingLoanScheduleFormatType0
from .servicing_loan_statement_format_type_0 import ServicingLoanStatementFormatType0
from .servicing_monthly_flows_format import ServicingMonthlyFlowsFormat
from .servicing_npl_trend_format import ServicingNplTrendFormat
from .signature_out import SignatureOut
from .signing import Signing
from .statement_counts import StatementCounts
from .statement_import_out import StatementImportOut
from .statement_line import StatementLine
from .statement_line_out import StatementLineOut
from .statement_out import StatementOut
from .statement_row_out import StatementRowOut
from .tariff_create import TariffCreate
from .tariff_out import TariffOut
from .tariff_out_page import TariffOutPage
from .terms_installment import TermsInstallment
from .terms_party import TermsParty
from .terms_product import TermsProduct
from .transaction_out import TransactionOut
from .transfer_list import TransferList
from .transfer_out import TransferOut
from .trial_balance import TrialBalance
from .trial_balance_row import TrialBalanceRow
from .tx_kind import TxKind
from .use_of_funds_item import UseOfFundsItem
from .webhook_delivery_out import WebhookDeliveryOut
from .webhook_delivery_out_page import WebhookDeliveryOutPage
from .write_off_create import WriteOffCreate
from .write_off_decision import WriteOffDecision
from .write_off_request_out import WriteOffRequestOut
from .write_off_request_out_page import WriteOffRequestOutPage

__all__ = (
    "Account",
    "AccountStatement",
    "Action",
    "AgreementOut",
    "AgreementTerms",
    "AgreementTermsTranchePlanItem",
    "Akad",
    "AllocationOut",
    "AllocationPart",
    "ApplicationCreate",
    "ApplicationEventOut",
    "ApplicationEventOutPage",
    "ApplicationOut",
    "ApplicationOutPage",
    "ApplicationStatus",
    "ApplicationUpdate",
    "Approval",
    "ArrearsOut",
    "AssessmentCreate",
    "AssessmentOut",
    "AssessmentOutPage",
    "AuditRecordOut",
    "AuditRecordOutPage",
    "AuditRecordOutRequest",
    "BodyApplicationsUploadDocument",
    "BodyServicingUploadStatement",
    "BucketOut",
    "BusinessDateOut",
    "BusinessDateSet",
    "CalculationIn",
    "CalculationOut",
    "CapitalInjection",
    "ClassChangeOut",
    "ClosedDayOut",
    "CollectionOut",
    "CollectionRowOut",
    "CommandOut",
    "ContractStatus",
    "ContractSummary",
    "Countersignature",
    "DecisionCreate",
    "DecisionOut",
    "DecisionOutPage",
    "DisbursementCreate",
    "DocumentKind",
    "DocumentOut",
    "DocumentOutPage",
    "DocumentRequestCreate",
    "DocumentRequestOut",
    "DocumentRequestOutPage",
    "DueOut",
    "DueRowOut",
    "EligibilityOut",
    "EligibilityOutPage",
    "EligibilityRules",
    "EndOfDayCreate",
    "EndOfDayOut",
    "EndpointCreate",
    "EndpointOut",
    "EndpointOutPage",
    "EndpointUpdate",
    "EndpointWithSecret",
    "FeeCreate",
    "FieldError",
    "Figure",
    "FigureInputs",
    "FigureName",
    "FinancingSummary",
    "FinancingSummaryApplicationsByStatus",
    "FinancingSummaryPage",
    "Finding",
    "FindingCode",
    "FindingParams",
    "FlowMonthOut",
    "FlowsOut",
    "ForecastOut",
    "Frequency",
    "FundCreate",
    "FundHistoryOut",
    "FundOut",
    "FundOutPage",
    "FundPointOut",
    "FundPositionOut",
    "FundRescheduleOut",
    "FundRescheduleOutPage",
    "FundWriteOffOut",
    "FundWriteOffOutPage",
    "Health",
    "HealthCategory",
    "InstallmentOut",
    "InstallmentPreviewOut",
    "InterestMethod",
    "JournalEntryOut",
    "JournalEntryOutPage",
    "JournalLineOut",
    "LoanAccountOut",
    "LoanAccountOutPage",
    "LoanOut",
    "LoanPositionOut",
    "LoanState",
    "Me",
    "MilestoneStatus",
    "MonthlyFlowsOut",
    "MonthOut",
    "Note",
    "NplMonthOut",
    "NplTrendOut",
    "Outcome",
    "Party",
    "Pattern",
    "PayoffQuoteOut",
    "PlannedTranche",
    "PortfolioOut",
    "Problem",
    "ProductCreate",
    "ProductOut",
    "ProductOutPage",
    "ProductStateChange",
    "PromiseCreate",
    "PromiseOut",
    "PromiseOutPage",
    "Purpose",
    "QueuedApplicationOut",
    "QueuedApplicationOutPage",
    "QueuesApplicationQueueFormat",
    "QueuesCollectionListFormat",
    "QueuesDueSoonFormat",
    "QueuesListPromisesFormat",
    "QueuesListPromisesStatusType0",
    "Readiness",
    "Recommendation",
    "RecoveryCreate",
    "RefundCreate",
    "Rejection",
    "RepaymentCreate",
    "RequestStatus",
    "RescheduleCreate",
    "RescheduleDecision",
    "RescheduleOut",
    "RescheduleOutPage",
    "ReschedulePreviewOut",
    "RescheduleTerms",
    "RestructuringKind",
    "ReversalCreate",
    "ReverseEntry",
    "Role",
    "RuleOutcome",
    "ScheduledDelivery",
    "ScheduleOut",
    "SchedulePreviewOut",
    "ScheduleRowOut",
    "ScheduleRowOutStatus",
    "ServicingFundPositionHistoryStep",
    "ServicingFundReschedulesStatus",
    "ServicingFundWriteOffsStatus",
    "ServicingLoanScheduleFormatType0",
    "ServicingLoanStatementFormatType0",
    "ServicingMonthlyFlowsFormat",
    "ServicingNplTrendFormat",
    "SignatureOut",
    "Signing",
    "StatementCounts",
    "StatementImportOut",
    "StatementLine",
    "StatementLineOut",
    "StatementOut",
    "StatementRowOut",
    "TariffCreate",
    "TariffOut",
    "TariffOutPage",
    "TermsInstallment",
    "TermsParty",
    "TermsProduct",
    "TransactionOut",
    "TransferList",
    "TransferOut",
    "TrialBalance",
    "TrialBalanceRow",
    "TxKind",
    "UseOfFundsItem",
    "WebhookDeliveryOut",
    "WebhookDeliveryOutPage",
    "WriteOffCreate",
    "WriteOffDecision",
    "WriteOffRequestOut",
    "WriteOffRequestOutPage",
)
