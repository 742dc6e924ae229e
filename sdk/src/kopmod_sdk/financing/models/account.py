from enum import StrEnum

class Account(StrEnum):
    CAPITAL = "capital"
    CASH = "cash"
    FEE_INCOME = "fee_income"
    INTEREST_INCOME = "interest_income"
    LOANS_RECEIVABLE = "loans_receivable"
    OVERPAYMENTS = "overpayments"
    PENALTY_INCOME = "penalty_income"
    RECOVERY_INCOME = "recovery_income"
    WRITEOFF_LOSSES = "writeoff_losses"

    def __str__(self) -> str:
        return str(self.value)
