from enum import StrEnum

class Source(StrEnum):
    FINANCING = "financing"
    MARKETPLACE = "marketplace"
    REGISTRY = "registry"

    def __str__(self) -> str:
        return str(self.value)
