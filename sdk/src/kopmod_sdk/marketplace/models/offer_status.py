from enum import StrEnum

class OfferStatus(StrEnum):
    COMMITTED = "committed"
    EXPIRED = "expired"
    OPEN = "open"
    PARTIALLY_COMMITTED = "partially_committed"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
