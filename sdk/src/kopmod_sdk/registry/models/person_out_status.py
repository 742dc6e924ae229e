from enum import StrEnum

class PersonOutStatus(StrEnum):
    ACTIVE = "active"
    DISABLED = "disabled"
    INVITED = "invited"
    LOCKED = "locked"

    def __str__(self) -> str:
        return str(self.value)
