from enum import StrEnum

class ContractStatus(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    PENDING = "pending"
    TERMINATED = "terminated"

    def __str__(self) -> str:
        return str(self.value)
