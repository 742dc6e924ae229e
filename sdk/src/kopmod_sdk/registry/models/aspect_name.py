from enum import StrEnum

class AspectName(StrEnum):
    ACCESS_TO_CAPITAL = "access_to_capital"
    GOVERNANCE = "governance"
    MARKET_ORIENTATION = "market_orientation"
    OFFTAKERS = "offtakers"
    PRODUCT_DIVERSIFICATION = "product_diversification"
    TECHNOLOGY_ADOPTION = "technology_adoption"

    def __str__(self) -> str:
        return str(self.value)
