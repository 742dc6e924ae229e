"""Bulk import over HTTP: a CSV or JSON-lines body in, every row's problems or the batch out."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query, Request, Response

from kopmod_shared.app import KopmodRouter
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import (
    AUTH_ERRORS,
    Conflict,
    PayloadTooLarge,
    UnsupportedMediaType,
    ValidationProblem,
    responses,
)
from registry.access import WriterDep
from registry.audit.service import audited
from registry.imports import service
from registry.imports.repository import ImportRepository
from registry.imports.schemas import ImportFormat, ImportResult
from registry.imports.workers import ImportsBusy, ImportWorkers

router = KopmodRouter(tags=["imports"])
IMPORT_PATH = "/v1/cooperatives/imports"

MEDIA_TYPES = {
    "text/csv": ImportFormat.csv,
    "application/x-ndjson": ImportFormat.jsonl,
    "application/jsonl": ImportFormat.jsonl,
    "application/json-lines": ImportFormat.jsonl,
}


async def _repo(session: SessionDep) -> ImportRepository:
    return ImportRepository(session)


@router.post(
    IMPORT_PATH,
    dependencies=[Depends(audited("cooperative.import"))],
    response_model=ImportResult,
    status_code=201,
    summary="Bulk import cooperatives (CSV or JSON lines)",
    description=(
        "Ministry, admin, or a partner with `registry:write`. Send the file as the body with "
        "`Content-Type: text/csv` (a header row naming the columns; lists such as "
        "`commodities` as `090111;180100`) or `application/x-ndjson` (one JSON object per "
        "line). Columns are the fields of `POST /v1/cooperatives` except member groups and "
        "member cooperatives. Every row is validated; each problem is reported with its row "
        "number (the first record is row 1), field and reason. When any row fails, nothing is "
        "written and the answer is a 422 `import-rejected` problem listing `row_errors`, "
        "unless `partial=true`: then the valid rows are written and the invalid ones reported. "
        "Up to 100,000 rows and 64 MiB per upload; the created cooperatives carry the "
        "`import_id` (filter `GET /v1/cooperatives?import_batch=`). Rows are checked in "
        "worker processes beside the service; a client runs one import at a time and the "
        "service a few (`MAX_CONCURRENT_IMPORTS_PER_CLIENT`, `MAX_CONCURRENT_IMPORTS`): over "
        "that the answer is 429 `imports-busy` with `Retry-After`."
    ),
    responses=responses(
        *AUTH_ERRORS,
        ValidationProblem,
        Conflict,
        PayloadTooLarge,
        UnsupportedMediaType,
        ImportsBusy,
    ),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                # The raw file (bytes, not a JSON string): generators make it a file upload.
                "text/csv": {"schema": {"type": "string", "format": "binary"}},
                "application/x-ndjson": {"schema": {"type": "string", "format": "binary"}},
            },
        }
    },
)
async def import_cooperatives(
    request: Request,
    principal: WriterDep,
    repo: Annotated[ImportRepository, Depends(_repo)],
    response: Response,
    partial: Annotated[
        bool, Query(description="Write the valid rows even when some rows fail.")
    ] = False,
) -> ImportResult:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    fmt = MEDIA_TYPES.get(media)
    if fmt is None:
        raise UnsupportedMediaType(
            f"send text/csv or application/x-ndjson, not {media or 'nothing'}"
        )
    workers: ImportWorkers = request.app.state.import_workers
    with workers.slot(principal.client_id):
        body = await request.body()
        result = await service.import_cooperatives(
            repo,
            workers,
            body,
            fmt,
            partial=partial,
            max_rows=request.app.state.settings.max_import_rows,
            actor=principal.client_id,
        )
    if result.import_id is not None:
        response.headers["Location"] = f"/v1/cooperatives?import_batch={result.import_id}"
    return result
