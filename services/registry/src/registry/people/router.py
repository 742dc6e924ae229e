"""People over the API: invitations, the person's own account and data, and the admin's and
organisation managers' view of people."""

from __future__ import annotations

from typing import Annotated, Literal
from uuid import UUID

from fastapi import BackgroundTasks, Depends, Query, Request, Response

from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, PrincipalDep, Role, require_roles
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import (
    AUTH_ERRORS,
    Conflict,
    Forbidden,
    NotFound,
    ValidationProblem,
    responses,
)
from kopmod_shared.pagination import Page, PageDep
from registry.audit.service import audited
from registry.people import service
from registry.people.models import Person
from registry.people.repository import PeopleRepository
from registry.people.schemas import (
    AccessOut,
    EmailChange,
    InvitationCreate,
    MembershipOut,
    MembershipUpdate,
    PasswordChange,
    PersonExport,
    PersonOut,
    PersonUpdate,
    RecipientOut,
    SignInOut,
    StatusUpdate,
)

router = KopmodRouter(tags=["people"])
Inviter = Annotated[
    Principal,
    Depends(require_roles(Role.admin, Role.ministry, Role.cooperative, Role.offtaker)),
]


async def _repo(session: SessionDep) -> PeopleRepository:
    return PeopleRepository(session)


RepoDep = Annotated[PeopleRepository, Depends(_repo)]


async def person_out(repo: PeopleRepository, person: Person) -> PersonOut:
    memberships = await repo.memberships(person.id, active_only=False)
    return PersonOut(
        id=person.id,
        name=person.name,
        email=person.email,
        email_verified=person.email_verified_at is not None,
        phone=person.phone,
        language=person.language,
        status=person.status,
        second_factor=person.totp_enabled_at is not None,
        memberships=[MembershipOut.model_validate(m) for m in memberships],
        created_at=person.created_at,
    )


async def _me(repo: PeopleRepository, principal: Principal, *, for_update: bool = False) -> Person:
    person_id = service.person_uuid(principal)
    if person_id is None:
        raise Forbidden("this route is for a person signed in through the registry")
    person = await repo.get(person_id, for_update=for_update)
    if person is None:
        raise NotFound("no such person")
    return person


def _session_id(principal: Principal) -> UUID | None:
    sid = principal.claims.get("sid")
    try:
        return UUID(str(sid)) if sid else None
    except ValueError:
        return None


@router.post(
    "/v1/people/invitations",
    dependencies=[Depends(audited("person.invite"))],
    response_model=PersonOut,
    status_code=201,
    summary="Invite a person (admin, ministry, or an organisation's manager)",
    description=(
        "Creates the person (status `invited`) and the membership, and emails a single-use "
        "link that expires (`invitation_ttl_hours`). An admin invites anyone; a ministry "
        "officer invites staff and organisations' managers; a cooperative's or an offtaker's "
        "manager invites colleagues to that organisation only. A person who already has an "
        "account gets the new membership without a link."
    ),
    responses=responses(*AUTH_ERRORS, Conflict, ValidationProblem),
)
async def invite(
    request: Request,
    data: InvitationCreate,
    principal: Inviter,
    repo: RepoDep,
    background: BackgroundTasks,
    response: Response,
) -> PersonOut:
    person, _, mail = await service.invite(
        repo,
        request.app.state.settings,
        principal,
        email=data.email,
        name=data.name,
        language=data.language,
        role=data.role,
        org_id=data.org_id,
    )
    if mail is not None:
        background.add_task(request.app.state.mailer.send, [mail])
    response.headers["Location"] = f"/v1/people/{person.id}"
    return await person_out(repo, person)


@router.get(
    "/v1/people/me",
    response_model=PersonOut,
    summary="The signed-in person's account",
    responses=responses(*AUTH_ERRORS),
)
async def me(principal: PrincipalDep, repo: RepoDep) -> PersonOut:
    return await person_out(repo, await _me(repo, principal))


@router.patch(
    "/v1/people/me",
    dependencies=[Depends(audited("person.change_own"))],
    response_model=PersonOut,
    summary="Change the signed-in person's name, phone or language",
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def update_me(data: PersonUpdate, principal: PrincipalDep, repo: RepoDep) -> PersonOut:
    person = await _me(repo, principal, for_update=True)
    for field in data.model_fields_set:
        setattr(person, field, getattr(data, field))
    await repo.session.flush()
    return await person_out(repo, person)


@router.post(
    "/v1/people/me/password",
    dependencies=[Depends(audited("person.change_password"))],
    status_code=204,
    summary="Change the signed-in person's password (ends their other sessions)",
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def change_password(
    request: Request, data: PasswordChange, principal: PrincipalDep, repo: RepoDep
) -> Response:
    person = await _me(repo, principal, for_update=True)
    await service.change_password(
        repo,
        request.app.state.settings,
        person,
        current=data.current_password,
        new=data.password,
        session_id=_session_id(principal),
    )
    return Response(status_code=204)


@router.post(
    "/v1/people/me/email",
    dependencies=[Depends(audited("person.change_email"))],
    status_code=202,
    summary="Change the signed-in person's email (confirmed by a link sent to the new one)",
    description="The address changes when the link is followed; that ends the other sessions.",
    responses=responses(*AUTH_ERRORS, Conflict, ValidationProblem),
)
async def change_email(
    request: Request,
    data: EmailChange,
    principal: PrincipalDep,
    repo: RepoDep,
    background: BackgroundTasks,
) -> Response:
    person = await _me(repo, principal, for_update=True)
    mail = await service.request_email_change(
        repo, request.app.state.settings, person, new_email=data.new_email, password=data.password
    )
    background.add_task(request.app.state.mailer.send, [mail])
    return Response(status_code=202)


@router.get(
    "/v1/people/me/signins",
    response_model=Page[SignInOut],
    summary="The signed-in person's sign-in history, newest first",
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def my_signins(principal: PrincipalDep, repo: RepoDep, page: PageDep) -> Page[SignInOut]:
    person = await _me(repo, principal)
    rows, cursor = await repo.signins_page(person.id, page)
    return Page[SignInOut](items=[SignInOut.model_validate(s) for s in rows], next_cursor=cursor)


@router.get(
    "/v1/people/me/export",
    response_model=PersonExport,
    summary="Everything kept about the signed-in person (download)",
    responses=responses(*AUTH_ERRORS),
)
async def export(principal: PrincipalDep, repo: RepoDep, response: Response) -> PersonExport:
    person = await _me(repo, principal)
    response.headers["Content-Disposition"] = 'attachment; filename="kopmod-my-data.json"'
    response.headers["Cache-Control"] = "no-store"
    return PersonExport(
        person=await person_out(repo, person),
        signins=[SignInOut.model_validate(s) for s in await repo.signins(person.id, 10_000)],
        accesses=[AccessOut.model_validate(a) for a in await repo.accesses(person.id)],
    )


@router.get(
    "/v1/people",
    response_model=Page[PersonOut],
    summary="Every person, by name, filtered (admin)",
    description=(
        "The platform operator's list of people: `q` finds text in the name or the email; "
        "`role` and `org_id` keep people with such a membership; `status` their account's. "
        "Each person listed gets an entry in their access log."
    ),
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def list_people(
    principal: Annotated[Principal, Depends(require_roles(Role.admin))],
    request: Request,
    page: PageDep,
    q: Annotated[str | None, Query(min_length=2, max_length=100)] = None,
    role: Role | None = None,
    status: Literal["invited", "active", "locked", "disabled"] | None = None,
    org_id: UUID | None = None,
) -> Page[PersonOut]:
    async with request.app.state.sessionmaker() as own, own.begin():
        repo = PeopleRepository(own)
        rows, cursor = await repo.search(
            page, q=q, role=role and role.value, status=status, org_id=org_id
        )
        out = []
        for person in rows:
            await service.read_person(repo, principal, person.id, action="list")
            out.append(await person_out(repo, person))
        return Page[PersonOut](items=out, next_cursor=cursor)


@router.get(
    "/v1/people/{person_id}",
    response_model=PersonOut,
    summary="Read a person (the person, their organisation's managers, admins)",
    description="Every read by someone else is written to the person's access log.",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def read_person(person_id: UUID, principal: PrincipalDep, request: Request) -> PersonOut:
    # Logging the access writes; a read's session may not, so this read has its own.
    async with request.app.state.sessionmaker() as own, own.begin():
        repo = PeopleRepository(own)
        person = await service.read_person(repo, principal, person_id)
        return await person_out(repo, person)


@router.get(
    "/v1/organisations/{org_id}/people",
    response_model=Page[PersonOut],
    summary="The people of an organisation (its managers, admins), by name",
    description="Each person listed gets an entry in their access log.",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def org_people(
    org_id: UUID, principal: PrincipalDep, request: Request, page: PageDep
) -> Page[PersonOut]:
    if principal.role is not Role.admin and principal.org_id != org_id:
        raise NotFound(f"no organisation {org_id}")
    roles = (
        [principal.role.value]
        if principal.role is not Role.admin
        else [Role.cooperative.value, Role.offtaker.value]
    )
    async with request.app.state.sessionmaker() as own, own.begin():
        repo = PeopleRepository(own)
        rows, cursor = await repo.org_people(roles, org_id, page)
        out = []
        for person in rows:
            await service.read_person(repo, principal, person.id, action="list")
            out.append(await person_out(repo, person))
        return Page[PersonOut](items=out, next_cursor=cursor)


@router.patch(
    "/v1/people/{person_id}",
    dependencies=[Depends(audited("person.change"))],
    response_model=PersonOut,
    summary="Disable, re-enable or unlock a person's account (admin)",
    description="Disabling ends the person's sessions and revokes their refresh tokens.",
    responses=responses(*AUTH_ERRORS, NotFound, Conflict, ValidationProblem),
)
async def set_status(
    person_id: UUID, data: StatusUpdate, principal: PrincipalDep, repo: RepoDep
) -> PersonOut:
    person = await service.set_status(repo, principal, person_id, data.status)
    return await person_out(repo, person)


@router.patch(
    "/v1/memberships/{membership_id}",
    dependencies=[Depends(audited("membership.change"))],
    response_model=MembershipOut,
    summary="End or restore a membership (admin, or the organisation's manager)",
    description="Ending one ends the sessions acting in it, revokes their refresh tokens, and "
    "stops their access tokens on every service within seconds (deny-list by session).",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def set_membership(
    membership_id: UUID, data: MembershipUpdate, principal: PrincipalDep, repo: RepoDep
) -> MembershipOut:
    membership = await service.set_membership_active(repo, principal, membership_id, data.active)
    return MembershipOut.model_validate(membership)


@router.get(
    "/v1/notification-recipients",
    response_model=Page[RecipientOut],
    summary="The people to notify for an organisation or a staff role (the platform's services)",
    description=(
        "For the platform's own `service` clients (the console's notifier): the active people "
        "with an active membership of `role`, of the organisation `org_id` for `cooperative` "
        "and `offtaker` (required then, refused otherwise); with `person_id`, only that person, "
        "and only while they hold the role (an empty page otherwise). Only name, email and "
        "language. Each person listed gets a `notify` entry in their access log."
    ),
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def recipients(
    principal: PrincipalDep,
    request: Request,
    page: PageDep,
    role: Role,
    org_id: UUID | None = None,
    person_id: UUID | None = None,
) -> Page[RecipientOut]:
    async with request.app.state.sessionmaker() as own, own.begin():
        repo = PeopleRepository(own)
        rows, cursor = await service.recipients(
            repo, principal, role=role, org_id=org_id, page=page, person_id=person_id
        )
        items = [
            RecipientOut(
                person_id=person.id,
                name=person.name,
                email=person.email,
                language=person.language,
                role=Role(membership.role),
                org_id=membership.org_id,
            )
            for person, membership in rows
        ]
        return Page[RecipientOut](items=items, next_cursor=cursor)
