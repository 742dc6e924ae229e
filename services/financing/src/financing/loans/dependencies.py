"""Who may call the loan routes, and the loan repository each request gets."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from financing.loans.repository import LoanRepository
from kopmod_shared.auth import Principal, Role, require_roles
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import (
    BusinessRuleViolation,
    Conflict,
    InvalidTransition,
    NotFound,
    ValidationProblem,
)

Officer = Annotated[Principal, Depends(require_roles(Role.fund_officer))]

Committee = Annotated[Principal, Depends(require_roles(Role.fund_committee))]

Staff = Annotated[Principal, Depends(require_roles(Role.fund_officer, Role.fund_committee))]

Payer = Annotated[
    Principal, Depends(require_roles(Role.fund_officer, Role.partner, scopes=["repayments"]))
]

Reader = Annotated[
    Principal,
    Depends(
        require_roles(
            Role.fund_officer,
            Role.fund_committee,
            Role.cooperative,
            Role.partner,
            scopes=["repayments"],
        )
    ),
]

COMMAND_ERRORS = (NotFound, InvalidTransition, Conflict, BusinessRuleViolation, ValidationProblem)


async def _repo(session: SessionDep) -> LoanRepository:
    # async: FastAPI runs a plain ``def`` dependency in its thread pool (a hop per request).
    return LoanRepository(session)


RepoDep = Annotated[LoanRepository, Depends(_repo)]
