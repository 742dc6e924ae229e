from enum import StrEnum

class HealthCategory(StrEnum):
    CUKUP_SEHAT = "cukup_sehat"
    DALAM_PENGAWASAN = "dalam_pengawasan"
    DALAM_PENGAWASAN_KHUSUS = "dalam_pengawasan_khusus"
    SEHAT = "sehat"

    def __str__(self) -> str:
        return str(self.value)
