"""A commodity as the API answers it: its base unit, the units it may be quoted in, its grades."""

from __future__ import annotations

from kopmod_shared.schemas.market_records import (
    CommodityOut as CommodityOut,
)
from kopmod_shared.schemas.market_records import (
    GradeOut as GradeOut,
)
from kopmod_shared.schemas.market_records import (
    UnitOut as UnitOut,
)
