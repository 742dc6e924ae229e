from enum import StrEnum

class MovedAssetService(StrEnum):
    FINANCING = "financing"
    MARKETPLACE = "marketplace"

    def __str__(self) -> str:
        return str(self.value)
