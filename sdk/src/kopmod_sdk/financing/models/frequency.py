from enum import StrEnum

class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMI_ANNUAL = "semi_annual"

    def __str__(self) -> str:
        return str(self.value)
