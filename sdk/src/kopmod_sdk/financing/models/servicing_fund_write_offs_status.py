from enum import StrEnum

class ServicingFundWriteOffsStatus(StrEnum):
    APPROVED = "approved"
    DECLINED = "declined"
    PROPOSED = "proposed"

    def __str__(self) -> str:
        return str(self.value)
