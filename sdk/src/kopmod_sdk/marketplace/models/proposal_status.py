from enum import StrEnum

class ProposalStatus(StrEnum):
    ACCEPTED = "accepted"
    COUNTERED = "countered"
    EXPIRED = "expired"
    PROPOSED = "proposed"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
