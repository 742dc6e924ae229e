from enum import StrEnum

class CooperativeStatus(StrEnum):
    ACTIVE = "active"
    DISSOLVED = "dissolved"
    INACTIVE = "inactive"
    MERGED = "merged"

    def __str__(self) -> str:
        return str(self.value)
