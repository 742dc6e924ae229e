from enum import StrEnum

class SortKey(StrEnum):
    CREATED = "created"
    FOUNDED_ON = "founded_on"
    NAME = "name"
    VALUE_1 = "-created"
    VALUE_3 = "-name"
    VALUE_5 = "-founded_on"

    def __str__(self) -> str:
        return str(self.value)
