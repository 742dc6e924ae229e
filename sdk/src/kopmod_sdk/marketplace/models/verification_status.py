from enum import StrEnum

class VerificationStatus(StrEnum):
    SUSPENDED = "suspended"
    UNVERIFIED = "unverified"
    VERIFIED = "verified"

    def __str__(self) -> str:
        return str(self.value)
