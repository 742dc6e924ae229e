from enum import StrEnum

class RestructuringKind(StrEnum):
    FUSION = "fusion"
    MERGER = "merger"
    SPIN_OFF = "spin_off"

    def __str__(self) -> str:
        return str(self.value)
