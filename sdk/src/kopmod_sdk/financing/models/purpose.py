from enum import StrEnum

class Purpose(StrEnum):
    INVESTMENT = "investment"
    WORKING_CAPITAL = "working_capital"

    def __str__(self) -> str:
        return str(self.value)
