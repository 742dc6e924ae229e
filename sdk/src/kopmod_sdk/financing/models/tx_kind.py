from enum import StrEnum

class TxKind(StrEnum):
    DISBURSEMENT = "disbursement"
    FEE_CHARGE = "fee_charge"
    OVERPAYMENT_REFUND = "overpayment_refund"
    PAYOFF = "payoff"
    PENALTY_CHARGE = "penalty_charge"
    RECOVERY = "recovery"
    REPAYMENT = "repayment"
    RESCHEDULE = "reschedule"
    RESCHEDULED_IN = "rescheduled_in"
    WRITE_OFF = "write_off"

    def __str__(self) -> str:
        return str(self.value)
