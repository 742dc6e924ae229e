from enum import StrEnum

class LoanState(StrEnum):
    ACTIVE = "active"
    CLOSED_OBLIGATIONS_MET = "closed_obligations_met"
    CLOSED_RESCHEDULED = "closed_rescheduled"
    CLOSED_WRITTEN_OFF = "closed_written_off"
    OVERPAID = "overpaid"
    PENDING_DISBURSEMENT = "pending_disbursement"

    def __str__(self) -> str:
        return str(self.value)
