from enum import StrEnum

class ScaleBand(StrEnum):
    BESAR = "besar"
    KECIL = "kecil"
    MENENGAH = "menengah"
    MIKRO = "mikro"

    def __str__(self) -> str:
        return str(self.value)
