from enum import StrEnum

class Party(StrEnum):
    COOPERATIVE = "cooperative"
    FUND = "fund"

    def __str__(self) -> str:
        return str(self.value)
