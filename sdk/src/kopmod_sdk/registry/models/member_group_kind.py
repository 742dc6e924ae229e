from enum import StrEnum

class MemberGroupKind(StrEnum):
    FOUNDER = "founder"
    INVESTOR = "investor"
    OTHER = "other"
    USER_PRODUCER = "user_producer"
    WORKER = "worker"

    def __str__(self) -> str:
        return str(self.value)
