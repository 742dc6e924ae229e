from enum import StrEnum

class CertificationScheme(StrEnum):
    FAIRTRADE = "fairtrade"
    HACCP = "haccp"
    HALAL = "halal"
    ISPO = "ispo"
    ORGANIC = "organic"
    RAINFOREST_ALLIANCE = "rainforest_alliance"
    RSPO = "rspo"
    SNI = "sni"

    def __str__(self) -> str:
        return str(self.value)
