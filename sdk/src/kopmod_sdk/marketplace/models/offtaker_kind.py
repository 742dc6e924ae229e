from enum import StrEnum

class OfftakerKind(StrEnum):
    EXPORTER = "exporter"
    OTHER = "other"
    PROCESSOR = "processor"
    RETAILER = "retailer"
    STATE_OWNED = "state_owned"

    def __str__(self) -> str:
        return str(self.value)
