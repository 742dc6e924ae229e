from enum import StrEnum

class InterestMethod(StrEnum):
    DECLINING_EQUAL_INSTALLMENT = "declining_equal_installment"
    DECLINING_EQUAL_PRINCIPAL = "declining_equal_principal"
    FLAT = "flat"

    def __str__(self) -> str:
        return str(self.value)
