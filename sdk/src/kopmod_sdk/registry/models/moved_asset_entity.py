from enum import StrEnum

class MovedAssetEntity(StrEnum):
    APPLICATION = "application"
    CONTRACT = "contract"
    LOAN = "loan"
    OFFER = "offer"
    PROPOSAL = "proposal"

    def __str__(self) -> str:
        return str(self.value)
