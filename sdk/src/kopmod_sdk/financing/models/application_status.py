from enum import StrEnum

class ApplicationStatus(StrEnum):
    APPROVED = "approved"
    COMMITTEE = "committee"
    DESK_REVIEW = "desk_review"
    DRAFT = "draft"
    ELIGIBILITY_CHECK = "eligibility_check"
    FIELD_SURVEY = "field_survey"
    REJECTED = "rejected"
    RISK_REVIEW = "risk_review"
    SIGNED = "signed"
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
