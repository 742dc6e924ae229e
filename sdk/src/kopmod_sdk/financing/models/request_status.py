from enum import StrEnum

class RequestStatus(StrEnum):
    FULFILLED = "fulfilled"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
