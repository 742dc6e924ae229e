from enum import StrEnum

class Period(StrEnum):
    MONTHLY = "monthly"
    ONE_OFF = "one_off"
    WEEKLY = "weekly"

    def __str__(self) -> str:
        return str(self.value)
