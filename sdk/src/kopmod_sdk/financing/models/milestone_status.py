from enum import StrEnum

class MilestoneStatus(StrEnum):
    DELIVERED = "delivered"
    MISSED = "missed"
    PARTIALLY_DELIVERED = "partially_delivered"
    SCHEDULED = "scheduled"

    def __str__(self) -> str:
        return str(self.value)
