from enum import StrEnum

class MembershipArea(StrEnum):
    NATIONAL = "national"
    PROVINCE = "province"
    REGENCY = "regency"

    def __str__(self) -> str:
        return str(self.value)
