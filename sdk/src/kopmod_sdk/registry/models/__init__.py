""" Contains all the data models used in inputs/outputs """

from .access_out import AccessOut
from .aspect_name import AspectName
from .aspect_out import AspectOut
from .aspect_out_evidence import AspectOutEvidence
from .assessment_in import AssessmentIn
from .assessment_out import AssessmentOut
from .assessment_out_page import AssessmentOutPage
from .audit_record_out import AuditRecordOut
from .audit_record_out_page import AuditRecordOutPage
from .audit_record_out_request import AuditRecordOutRequest
from .body_identity_token import BodyIdentityToken
from .body_oidc_revoke import BodyOidcRevoke
from .client_create import ClientCreate
from .client_out import ClientOut
from .client_out_page import ClientOutPage
from .client_update import ClientUpdate
from .client_with_secret import ClientWithSecret
from .cooperative_create import CooperativeCreate
from .cooperative_level import CooperativeLevel
from .cooperative_out import CooperativeOut
from .cooperative_out_or_cooperative_public_page import CooperativeOutOrCooperativePublicPage
from .cooperative_public import CooperativePublic
from .cooperative_status import CooperativeStatus
from .cooperative_summary import CooperativeSummary
from .cooperative_type import CooperativeType
from .cooperative_update import CooperativeUpdate
from .derived import Derived
from .eligibility_snapshot import EligibilitySnapshot
from .email_change import EmailChange
from .endpoint_create import EndpointCreate
from .endpoint_out import EndpointOut
from .endpoint_out_page import EndpointOutPage
from .endpoint_update import EndpointUpdate
from .endpoint_with_secret import EndpointWithSecret
from .field_error import FieldError
from .financial_statement import FinancialStatement
from .fusion_in import FusionIn
from .graph_edge import GraphEdge
from .graph_node import GraphNode
from .health import Health
from .health_category import HealthCategory
from .health_summary import HealthSummary
from .holding import Holding
from .import_format import ImportFormat
from .import_result import ImportResult
from .invitation_create import InvitationCreate
from .invitation_create_language import InvitationCreateLanguage
from .jwks import JWKS
from .jwks_keys_item import JWKSKeysItem
from .lineage import Lineage
from .lineage_graph import LineageGraph
from .lineage_link import LineageLink
from .me import Me
from .member_group_in import MemberGroupIn
from .member_group_kind import MemberGroupKind
from .member_group_out import MemberGroupOut
from .member_group_out_page import MemberGroupOutPage
from .member_groups_in import MemberGroupsIn
from .membership_area import MembershipArea
from .membership_out import MembershipOut
from .membership_update import MembershipUpdate
from .mentoring_focus import MentoringFocus
from .mentoring_in import MentoringIn
from .mentoring_out import MentoringOut
from .mentoring_out_page import MentoringOutPage
from .mentoring_update import MentoringUpdate
from .merger_in import MergerIn
from .modernisation_phase import ModernisationPhase
from .moved_asset import MovedAsset
from .moved_asset_entity import MovedAssetEntity
from .moved_asset_service import MovedAssetService
from .oidc_client_create import OidcClientCreate
from .oidc_client_out import OidcClientOut
from .oidc_client_out_page import OidcClientOutPage
from .oidc_client_update import OidcClientUpdate
from .oidc_client_with_secret import OidcClientWithSecret
from .participant_preview import ParticipantPreview
from .password_change import PasswordChange
from .people_list_people_status_type_0 import PeopleListPeopleStatusType0
from .person_export import PersonExport
from .person_out import PersonOut
from .person_out_language import PersonOutLanguage
from .person_out_page import PersonOutPage
from .person_out_status import PersonOutStatus
from .person_update import PersonUpdate
from .person_update_language_type_0 import PersonUpdateLanguageType0
from .preview_in import PreviewIn
from .preview_out import PreviewOut
from .problem import Problem
from .product_in import ProductIn
from .product_out import ProductOut
from .product_out_page import ProductOutPage
from .product_update import ProductUpdate
from .programme_cohort_out import ProgrammeCohortOut
from .programme_cohort_out_by_phase import ProgrammeCohortOutByPhase
from .programme_cohort_out_by_readiness_band import ProgrammeCohortOutByReadinessBand
from .programme_mentoring_out import ProgrammeMentoringOut
from .programme_mentoring_out_by_focus import ProgrammeMentoringOutByFocus
from .programme_mentoring_out_mentored_by_readiness_band import ProgrammeMentoringOutMentoredByReadinessBand
from .programme_out import ProgrammeOut
from .programme_out_aspects_met import ProgrammeOutAspectsMet
from .programme_out_by_phase import ProgrammeOutByPhase
from .programme_out_by_phase_and_band import ProgrammeOutByPhaseAndBand
from .programme_out_by_phase_and_band_additional_property import ProgrammeOutByPhaseAndBandAdditionalProperty
from .programme_out_by_province import ProgrammeOutByProvince
from .programme_out_by_readiness_band import ProgrammeOutByReadinessBand
from .programme_province_out import ProgrammeProvinceOut
from .programme_province_out_by_readiness_band import ProgrammeProvinceOutByReadinessBand
from .rat_compliance import RatCompliance
from .rat_in import RatIn
from .rat_out import RatOut
from .rat_out_page import RatOutPage
from .readiness import Readiness
from .recipient_out import RecipientOut
from .recipient_out_language import RecipientOutLanguage
from .recipient_out_page import RecipientOutPage
from .restructuring_kind import RestructuringKind
from .restructuring_out import RestructuringOut
from .role import Role
from .row_error import RowError
from .scale_band import ScaleBand
from .scorecard_out import ScorecardOut
from .sign_in_out import SignInOut
from .sign_in_out_page import SignInOutPage
from .sort_key import SortKey
from .source import Source
from .spin_off_in import SpinOffIn
from .stage_in import StageIn
from .stage_out import StageOut
from .stage_out_page import StageOutPage
from .statements_in import StatementsIn
from .statements_out import StatementsOut
from .status_update import StatusUpdate
from .status_update_status import StatusUpdateStatus
from .token_response import TokenResponse
from .unavailable_source import UnavailableSource
from .user_info import UserInfo
from .webhook_delivery_out import WebhookDeliveryOut
from .webhook_delivery_out_page import WebhookDeliveryOutPage

__all__ = (
    "AccessOut",
    "AspectName",
    "AspectOut",
    "AspectOutEvidence",
    "AssessmentIn",
    "AssessmentOut",
    "AssessmentOutPage",
    "AuditRecordOut",
    "AuditRecordOutPage",
    "AuditRecordOutRequest",
    "BodyIdentityToken",
    "BodyOidcRevoke",
    "ClientCreate",
    "ClientOut",
    "ClientOutPage",
    "ClientUpdate",
    "ClientWithSecret",
    "CooperativeCreate",
    "CooperativeLevel",
    "CooperativeOut",
    "CooperativeOutOrCooperativePublicPage",
    "CooperativePublic",
    "CooperativeStatus",
    "CooperativeSummary",
    "CooperativeType",
    "CooperativeUpdate",
    "Derived",
    "EligibilitySnapshot",
    "EmailChange",
    "EndpointCreate",
    "EndpointOut",
    "EndpointOutPage",
    "EndpointUpdate",
    "EndpointWithSecret",
    "FieldError",
    "FinancialStatement",
    "FusionIn",
    "GraphEdge",
    "GraphNode",
    "Health",
    "HealthCategory",
    "HealthSummary",
    "Holding",
    "ImportFormat",
    "ImportResult",
    "InvitationCreate",
    "InvitationCreateLanguage",
    "JWKS",
    "JWKSKeysItem",
    "Lineage",
    "LineageGraph",
    "LineageLink",
    "Me",
    "MemberGroupIn",
    "MemberGroupKind",
    "MemberGroupOut",
    "MemberGroupOutPage",
    "MemberGroupsIn",
    "MembershipArea",
    "MembershipOut",
    "MembershipUpdate",
    "MentoringFocus",
    "MentoringIn",
    "MentoringOut",
    "MentoringOutPage",
    "MentoringUpdate",
    "MergerIn",
    "ModernisationPhase",
    "MovedAsset",
    "MovedAssetEntity",
    "MovedAssetService",
    "OidcClientCreate",
    "OidcClientOut",
    "OidcClientOutPage",
    "OidcClientUpdate",
    "OidcClientWithSecret",
    "ParticipantPreview",
    "PasswordChange",
    "PeopleListPeopleStatusType0",
    "PersonExport",
    "PersonOut",
    "PersonOutLanguage",
    "PersonOutPage",
    "PersonOutStatus",
    "PersonUpdate",
    "PersonUpdateLanguageType0",
    "PreviewIn",
    "PreviewOut",
    "Problem",
    "ProductIn",
    "ProductOut",
    "ProductOutPage",
    "ProductUpdate",
    "ProgrammeCohortOut",
    "ProgrammeCohortOutByPhase",
    "ProgrammeCohortOutByReadinessBand",
    "ProgrammeMentoringOut",
    "ProgrammeMentoringOutByFocus",
    "ProgrammeMentoringOutMentoredByReadinessBand",
    "ProgrammeOut",
    "ProgrammeOutAspectsMet",
    "ProgrammeOutByPhase",
    "ProgrammeOutByPhaseAndBand",
    "ProgrammeOutByPhaseAndBandAdditionalProperty",
    "ProgrammeOutByProvince",
    "ProgrammeOutByReadinessBand",
    "ProgrammeProvinceOut",
    "ProgrammeProvinceOutByReadinessBand",
    "RatCompliance",
    "RatIn",
    "RatOut",
    "RatOutPage",
    "Readiness",
    "RecipientOut",
    "RecipientOutLanguage",
    "RecipientOutPage",
    "RestructuringKind",
    "RestructuringOut",
    "Role",
    "RowError",
    "ScaleBand",
    "ScorecardOut",
    "SignInOut",
    "SignInOutPage",
    "SortKey",
    "Source",
    "SpinOffIn",
    "StageIn",
    "StageOut",
    "StageOutPage",
    "StatementsIn",
    "StatementsOut",
    "StatusUpdate",
    "StatusUpdateStatus",
    "TokenResponse",
    "UnavailableSource",
    "UserInfo",
    "WebhookDeliveryOut",
    "WebhookDeliveryOutPage",
)
