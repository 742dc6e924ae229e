from enum import StrEnum

class Pattern(StrEnum):
    CONVENTIONAL = "conventional"
    SYARIAH = "syariah"

    def __str__(self) -> str:
        return str(self.value)
