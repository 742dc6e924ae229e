from enum import StrEnum

class Party(StrEnum):
    COOPERATIVE = "cooperative"
    OFFTAKER = "offtaker"

    def __str__(self) -> str:
        return str(self.value)
