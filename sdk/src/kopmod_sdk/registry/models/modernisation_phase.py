from enum import StrEnum

class ModernisationPhase(StrEnum):
    MASIFIKASI = "masifikasi"
    PEMANTAPAN = "pemantapan"
    PERMODELAN = "permodelan"
    REPLIKASI = "replikasi"

    def __str__(self) -> str:
        return str(self.value)
