from enum import StrEnum

class PersonUpdateLanguageType0(StrEnum):
    EN = "en"
    ID = "id"

    def __str__(self) -> str:
        return str(self.value)
