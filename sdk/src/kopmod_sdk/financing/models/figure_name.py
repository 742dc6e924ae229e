from enum import StrEnum

class FigureName(StrEnum):
    AMOUNT_TO_EQUITY = "amount_to_equity"
    CLOSED_LOOP_COVERAGE = "closed_loop_coverage"
    DEBT_TO_EQUITY = "debt_to_equity"
    INSTALLMENT_TO_MONTHLY_SURPLUS = "installment_to_monthly_surplus"
    OFFTAKE_COVERAGE = "offtake_coverage"
    REPAYMENT_CAPACITY = "repayment_capacity"

    def __str__(self) -> str:
        return str(self.value)
