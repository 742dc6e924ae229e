from enum import StrEnum

class QueuesListPromisesStatusType0(StrEnum):
    BROKEN = "broken"
    KEPT = "kept"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
