from enum import StrEnum

class Outcome(StrEnum):
    APPROVE = "approve"
    DECLINE = "decline"
    SEND_BACK = "send_back"

    def __str__(self) -> str:
        return str(self.value)
