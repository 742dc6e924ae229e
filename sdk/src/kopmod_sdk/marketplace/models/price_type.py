from enum import StrEnum

class PriceType(StrEnum):
    FIXED = "fixed"
    FORMULA = "formula"
    RANGE = "range"

    def __str__(self) -> str:
        return str(self.value)
