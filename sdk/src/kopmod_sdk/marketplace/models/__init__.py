""" Contains all the data models used in inputs/outputs """

from .allocation_out import AllocationOut
from .allocation_out_breakdown import AllocationOutBreakdown
from .candidate import Candidate
from .candidate_breakdown import CandidateBreakdown
from .certification import Certification
from .certification_scheme import CertificationScheme
from .chosen_cooperative import ChosenCooperative
from .commodity_out import CommodityOut
from .commodity_out_page import CommodityOutPage
from .confirmation import Confirmation
from .contract_out import ContractOut
from .contract_out_page import ContractOutPage
from .contract_status import ContractStatus
from .contract_summary import ContractSummary
from .cooperative_fulfilment import CooperativeFulfilment
from .cooperative_fulfilment_line import CooperativeFulfilmentLine
from .counter import Counter
from .decision import Decision
from .delivery_create import DeliveryCreate
from .delivery_notice_create import DeliveryNoticeCreate
from .delivery_out import DeliveryOut
from .delivery_out_page import DeliveryOutPage
from .delivery_receipt import DeliveryReceipt
from .delivery_rejection import DeliveryRejection
from .delivery_status import DeliveryStatus
from .demand_create import DemandCreate
from .demand_out import DemandOut
from .demand_out_page import DemandOutPage
from .demand_status import DemandStatus
from .dispute_create import DisputeCreate
from .dispute_delivery import DisputeDelivery
from .dispute_detail import DisputeDetail
from .dispute_out import DisputeOut
from .dispute_out_page import DisputeOutPage
from .dispute_resolution import DisputeResolution
from .dispute_status import DisputeStatus
from .dispute_step import DisputeStep
from .dispute_view import DisputeView
from .dispute_view_page import DisputeViewPage
from .ending import Ending
from .endpoint_create import EndpointCreate
from .endpoint_out import EndpointOut
from .endpoint_out_page import EndpointOutPage
from .endpoint_update import EndpointUpdate
from .endpoint_with_secret import EndpointWithSecret
from .excluded import Excluded
from .factor_score import FactorScore
from .field_error import FieldError
from .grade_out import GradeOut
from .health import Health
from .incoterm import Incoterm
from .interval import Interval
from .location import Location
from .market import Market
from .market_summary import MarketSummary
from .market_summary_contracts_by_status import MarketSummaryContractsByStatus
from .market_summary_page import MarketSummaryPage
from .match_preview import MatchPreview
from .match_preview_weights import MatchPreviewWeights
from .match_request import MatchRequest
from .matching_results import MatchingResults
from .me import Me
from .milestone_in import MilestoneIn
from .milestone_out import MilestoneOut
from .milestone_status import MilestoneStatus
from .not_chosen import NotChosen
from .offer_create import OfferCreate
from .offer_out import OfferOut
from .offer_out_page import OfferOutPage
from .offer_status import OfferStatus
from .offer_update import OfferUpdate
from .offtaker_create import OfftakerCreate
from .offtaker_fulfilment import OfftakerFulfilment
from .offtaker_kind import OfftakerKind
from .offtaker_out import OfftakerOut
from .offtaker_out_page import OfftakerOutPage
from .offtaker_update import OfftakerUpdate
from .party import Party
from .payment_terms import PaymentTerms
from .period import Period
from .price_adjustment import PriceAdjustment
from .price_terms import PriceTerms
from .price_type import PriceType
from .problem import Problem
from .proposal_event_out import ProposalEventOut
from .proposal_out import ProposalOut
from .proposal_out_breakdown_type_0 import ProposalOutBreakdownType0
from .proposal_out_page import ProposalOutPage
from .proposal_status import ProposalStatus
from .readiness import Readiness
from .reason import Reason
from .reason_values import ReasonValues
from .recurrence import Recurrence
from .recurrence_kind import RecurrenceKind
from .replay_out import ReplayOut
from .restructuring_kind import RestructuringKind
from .role import Role
from .run_create import RunCreate
from .run_out import RunOut
from .run_out_parameters import RunOutParameters
from .run_out_stats import RunOutStats
from .scheduled_delivery import ScheduledDelivery
from .transfer_list import TransferList
from .transfer_out import TransferOut
from .unit_out import UnitOut
from .verification_status import VerificationStatus
from .webhook_delivery_out import WebhookDeliveryOut
from .webhook_delivery_out_page import WebhookDeliveryOutPage

__all__ = (
    "AllocationOut",
    "AllocationOutBreakdown",
    "Candidate",
    "CandidateBreakdown",
    "Certification",
    "CertificationScheme",
    "ChosenCooperative",
    "CommodityOut",
    "CommodityOutPage",
    "Confirmation",
    "ContractOut",
    "ContractOutPage",
    "ContractStatus",
    "ContractSummary",
    "CooperativeFulfilment",
    "CooperativeFulfilmentLine",
    "Counter",
    "Decision",
    "DeliveryCreate",
    "DeliveryNoticeCreate",
    "DeliveryOut",
    "DeliveryOutPage",
    "DeliveryReceipt",
    "DeliveryRejection",
    "DeliveryStatus",
    "DemandCreate",
    "DemandOut",
    "DemandOutPage",
    "DemandStatus",
    "DisputeCreate",
    "DisputeDelivery",
    "DisputeDetail",
    "DisputeOut",
    "DisputeOutPage",
    "DisputeResolution",
    "DisputeStatus",
    "DisputeStep",
    "DisputeView",
    "DisputeViewPage",
    "Ending",
    "EndpointCreate",
    "EndpointOut",
    "EndpointOutPage",
    "EndpointUpdate",
    "EndpointWithSecret",
    "Excluded",
    "FactorScore",
    "FieldError",
    "GradeOut",
    "Health",
    "Incoterm",
    "Interval",
    "Location",
    "Market",
    "MarketSummary",
    "MarketSummaryContractsByStatus",
    "MarketSummaryPage",
    "MatchingResults",
    "MatchPreview",
    "MatchPreviewWeights",
    "MatchRequest",
    "Me",
    "MilestoneIn",
    "MilestoneOut",
    "MilestoneStatus",
    "NotChosen",
    "OfferCreate",
    "OfferOut",
    "OfferOutPage",
    "OfferStatus",
    "OfferUpdate",
    "OfftakerCreate",
    "OfftakerFulfilment",
    "OfftakerKind",
    "OfftakerOut",
    "OfftakerOutPage",
    "OfftakerUpdate",
    "Party",
    "PaymentTerms",
    "Period",
    "PriceAdjustment",
    "PriceTerms",
    "PriceType",
    "Problem",
    "ProposalEventOut",
    "ProposalOut",
    "ProposalOutBreakdownType0",
    "ProposalOutPage",
    "ProposalStatus",
    "Readiness",
    "Reason",
    "ReasonValues",
    "Recurrence",
    "RecurrenceKind",
    "ReplayOut",
    "RestructuringKind",
    "Role",
    "RunCreate",
    "RunOut",
    "RunOutParameters",
    "RunOutStats",
    "ScheduledDelivery",
    "TransferList",
    "TransferOut",
    "UnitOut",
    "VerificationStatus",
    "WebhookDeliveryOut",
    "WebhookDeliveryOutPage",
)
