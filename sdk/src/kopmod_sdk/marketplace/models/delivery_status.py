from enum import StrEnum

class DeliveryStatus(StrEnum):
    NOTIFIED = "notified"
    RECEIVED = "received"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
