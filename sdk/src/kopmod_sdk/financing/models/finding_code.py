from enum import StrEnum

class FindingCode(StrEnum):
    ACTIVE_ACTIVE = "active.active"
    ACTIVE_NOT_ACTIVE = "active.not_active"
    EQUITY_MULTIPLE_ABOVE = "equity_multiple.above"
    EQUITY_MULTIPLE_NO_EQUITY = "equity_multiple.no_equity"
    EQUITY_MULTIPLE_WITHIN = "equity_multiple.within"
    LEGAL_ENTITY_MISSING = "legal_entity.missing"
    LEGAL_ENTITY_PRESENT = "legal_entity.present"
    MIN_AGE_YEARS_ENOUGH = "min_age_years.enough"
    MIN_AGE_YEARS_TOO_YOUNG = "min_age_years.too_young"
    MIN_HEALTH_ENOUGH = "min_health.enough"
    MIN_HEALTH_NONE = "min_health.none"
    MIN_HEALTH_TOO_LOW = "min_health.too_low"
    NIK_KOPERASI_MISSING = "nik_koperasi.missing"
    NIK_KOPERASI_PRESENT = "nik_koperasi.present"
    OFFTAKE_CONTRACT_ACTIVE = "offtake_contract.active"
    OFFTAKE_CONTRACT_NOTHING_LEFT = "offtake_contract.nothing_left"
    OFFTAKE_CONTRACT_NOT_ACTIVE = "offtake_contract.not_active"
    OFFTAKE_CONTRACT_OTHER_COOPERATIVE = "offtake_contract.other_cooperative"
    OFFTAKE_CONTRACT_UNKNOWN = "offtake_contract.unknown"
    POSITIVE_RESULT_NOT_POSITIVE = "positive_result.not_positive"
    POSITIVE_RESULT_NO_STATEMENT = "positive_result.no_statement"
    POSITIVE_RESULT_POSITIVE = "positive_result.positive"
    RAT_YEARS_HELD = "rat_years.held"
    RAT_YEARS_MISSING = "rat_years.missing"
    REGISTERED_UNKNOWN = "registered.unknown"

    def __str__(self) -> str:
        return str(self.value)
