from enum import StrEnum

class CooperativeType(StrEnum):
    JASA = "jasa"
    KONSUMEN = "konsumen"
    PEMASARAN = "pemasaran"
    PRODUSEN = "produsen"
    SIMPAN_PINJAM = "simpan_pinjam"

    def __str__(self) -> str:
        return str(self.value)
