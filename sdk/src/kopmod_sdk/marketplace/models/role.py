from enum import StrEnum

class Role(StrEnum):
    ADMIN = "admin"
    COOPERATIVE = "cooperative"
    FUND_COMMITTEE = "fund_committee"
    FUND_OFFICER = "fund_officer"
    MINISTRY = "ministry"
    OFFTAKER = "offtaker"
    PARTNER = "partner"
    SERVICE = "service"

    def __str__(self) -> str:
        return str(self.value)
