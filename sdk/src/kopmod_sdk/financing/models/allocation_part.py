from enum import StrEnum

class AllocationPart(StrEnum):
    FEES = "fees"
    INTEREST = "interest"
    PENALTIES = "penalties"
    PRINCIPAL = "principal"

    def __str__(self) -> str:
        return str(self.value)
