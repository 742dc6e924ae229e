from enum import StrEnum

class Recommendation(StrEnum):
    APPROVE = "approve"
    APPROVE_REDUCED = "approve_reduced"
    REJECT = "reject"

    def __str__(self) -> str:
        return str(self.value)
