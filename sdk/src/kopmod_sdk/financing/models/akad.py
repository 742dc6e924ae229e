from enum import StrEnum

class Akad(StrEnum):
    MUDHARABAH = "mudharabah"
    MURABAHAH = "murabahah"
    MUSYARAKAH = "musyarakah"

    def __str__(self) -> str:
        return str(self.value)
