from enum import StrEnum

class DocumentKind(StrEnum):
    BANK_STATEMENT = "bank_statement"
    BUSINESS_PLAN = "business_plan"
    COLLATERAL = "collateral"
    DEED = "deed"
    FINANCIAL_STATEMENT = "financial_statement"
    GUARANTEE = "guarantee"
    MANAGER_ID_CARD = "manager_id_card"
    OTHER = "other"
    RAT_REPORT = "rat_report"
    SURVEY_REPORT = "survey_report"

    def __str__(self) -> str:
        return str(self.value)
