"""A commodity as the API answers it: its base unit, the units it may be quoted in, its grades."""

from __future__ import annotations

from pydantic import BaseModel, Field

from kopmod_shared.money import Factor


class UnitOut(BaseModel):
    code: str = Field(description="UN/ECE Recommendation 20 code, e.g. `KGM`, `TNE`, `DTN`.")
    name: str
    factor: Factor = Field(description="How many base units one of this unit is.")


class GradeOut(BaseModel):
    code: str
    name: str
    rank: int = Field(
        description="Higher is better; a demand's minimum grade accepts this rank and up."
    )


class CommodityOut(BaseModel):
    code: str
    name: str
    hs_code: str
    base_unit: str = Field(description="Quantities are stored and answered in this unit.")
    units: list[UnitOut]
    grades: list[GradeOut]
