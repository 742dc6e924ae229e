from enum import StrEnum

class PeopleListPeopleStatusType0(StrEnum):
    ACTIVE = "active"
    DISABLED = "disabled"
    INVITED = "invited"
    LOCKED = "locked"

    def __str__(self) -> str:
        return str(self.value)
