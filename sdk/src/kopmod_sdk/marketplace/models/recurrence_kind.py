from enum import StrEnum

class RecurrenceKind(StrEnum):
    ONE_OFF = "one_off"
    SCHEDULE = "schedule"

    def __str__(self) -> str:
        return str(self.value)
