from enum import StrEnum

class Action(StrEnum):
    APPROVE = "approve"
    FAIL_ELIGIBILITY = "fail_eligibility"
    PASS_ELIGIBILITY = "pass_eligibility"
    REFER_TO_COMMITTEE = "refer_to_committee"
    REJECT = "reject"
    SEND_BACK = "send_back"
    SIGN = "sign"
    START_ELIGIBILITY = "start_eligibility"
    START_FIELD_SURVEY = "start_field_survey"
    START_RISK_REVIEW = "start_risk_review"
    SUBMIT = "submit"
    WITHDRAW = "withdraw"

    def __str__(self) -> str:
        return str(self.value)
