from enum import StrEnum

class MentoringFocus(StrEnum):
    CAPITAL_ACCESS = "capital_access"
    GOVERNANCE = "governance"
    MARKET_ACCESS = "market_access"
    TECHNOLOGY = "technology"

    def __str__(self) -> str:
        return str(self.value)
