from enum import StrEnum

class DemandStatus(StrEnum):
    ALLOCATED = "allocated"
    CANCELLED = "cancelled"
    CLOSED = "closed"
    DRAFT = "draft"
    EXPIRED = "expired"
    OPEN = "open"
    PARTIALLY_ALLOCATED = "partially_allocated"

    def __str__(self) -> str:
        return str(self.value)
