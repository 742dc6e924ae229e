from enum import StrEnum

class Market(StrEnum):
    DOMESTIC = "domestic"
    EXPORT = "export"

    def __str__(self) -> str:
        return str(self.value)
