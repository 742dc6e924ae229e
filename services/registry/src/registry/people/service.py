"""Person accounts: invitations, passwords, reset, sign-in checks and throttling, second factor.
Rules only; queries are in the repository, mails are returned to the caller to send after
commit."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from uuid import UUID

import pyotp

from kopmod_shared.auth import ORG_BOUND_ROLES, Principal, Role
from kopmod_shared.errors import Conflict, Forbidden, NotFound, ValidationProblem
from kopmod_shared.pagination import PageParams
from registry.identity.revocation import revoke_subject
from registry.people.mail import Mail
from registry.people.models import EmailLink, Membership, Person, PersonDataAccess, SignInEvent
from registry.people.passwords import hash_password, password_problem, verify_password
from registry.people.repository import PeopleRepository
from registry.people.texts import t
from registry.settings import RegistrySettings

# Roles a person may hold (partner and service are machine roles).
PERSON_ROLES = frozenset(Role) - {Role.partner, Role.service}
STAFF_ROLES = frozenset({Role.ministry, Role.fund_officer, Role.fund_committee})
# Roles that decide over public money or the registry: a second factor is required.
TOTP_REQUIRED_ROLES = frozenset({Role.fund_officer, Role.fund_committee, Role.ministry, Role.admin})
RECOVERY_CODES = 10
TOTP_STEP = 30


class PersonStatus:
    invited = "invited"
    active = "active"
    locked = "locked"
    disabled = "disabled"


def now() -> datetime:
    return datetime.now(UTC)


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def person_uuid(principal: Principal) -> UUID | None:
    """The signed-in person's id, if the token is a person's from this provider (another
    provider's subjects need not be UUIDs)."""
    try:
        return UUID(principal.person) if principal.person else None
    except ValueError:
        return None


def normalise_email(email: str) -> str:
    return email.strip().lower()


def check_password(settings: RegistrySettings, password: str, email: str) -> None:
    problem = password_problem(password, min_length=settings.password_min_length, email=email)
    if problem is not None:
        raise ValidationProblem.for_field(
            "body.password", t("en", problem, min=settings.password_min_length), problem
        )


# --- invitations -----------------------------------------------------------------------------


def may_invite(principal: Principal, role: Role, org_id: UUID | None) -> None:
    """Admins invite anyone; a ministry officer invites staff and organisations' managers; a
    cooperative's or an offtaker's manager invites colleagues to that organisation only."""
    if role not in PERSON_ROLES:
        raise Forbidden(f"role {role.value} is for API clients, not people")
    if principal.role is Role.admin:
        return
    if principal.role is Role.ministry and (role in STAFF_ROLES or role in ORG_BOUND_ROLES):
        return
    if principal.role in ORG_BOUND_ROLES and role is principal.role and org_id == principal.org_id:
        return
    raise Forbidden(f"role {principal.role.value} may not invite a {role.value}")


def _link(settings: RegistrySettings, path: str, token: str) -> str:
    return f"{settings.links_base}{path}?token={token}"


async def _new_link(
    repo: PeopleRepository,
    person: Person,
    purpose: str,
    ttl: timedelta,
    created_by: str | None,
    new_email: str | None = None,
) -> tuple[str, EmailLink]:
    token = secrets.token_urlsafe(32)
    link = EmailLink(
        person_id=person.id,
        purpose=purpose,
        token_hash=digest(token),
        new_email=new_email,
        expires_at=now() + ttl,
        created_by=created_by,
    )
    await repo.add(link)
    return token, link


async def invite(
    repo: PeopleRepository,
    settings: RegistrySettings,
    principal: Principal,
    *,
    email: str,
    name: str,
    language: str,
    role: Role,
    org_id: UUID | None,
) -> tuple[Person, Membership, Mail | None]:
    may_invite(principal, role, org_id)
    email = normalise_email(email)
    person = await repo.by_email(email, for_update=True)
    if person is None:
        person = Person(
            name=name,
            email=email,
            language=language,
            status=PersonStatus.invited,
            created_by=principal.client_id,
            recovery_code_hashes=[],
            failed_signins=0,
        )
        await repo.add(person)
    elif person.status == PersonStatus.disabled:
        raise Conflict("this person's account is disabled; an admin re-enables it", field="email")
    membership = await repo.find_membership(person.id, role.value, org_id)
    if membership is not None and membership.active:
        raise Conflict("this person already holds that role", field="role")
    if membership is None:
        membership = Membership(
            person_id=person.id, role=role.value, org_id=org_id, created_by=principal.client_id
        )
        await repo.add(membership)
    membership.active = True
    if person.status != PersonStatus.invited:
        # An existing account gets the new role; it signs in as before (no link needed).
        return person, membership, None
    ttl = timedelta(hours=settings.invitation_ttl_hours)
    token, link = await _new_link(repo, person, "invite", ttl, principal.client_id)
    lang = person.language
    mail = Mail(
        to=person.email,
        subject=t(lang, "mail_invite_subject"),
        body=t(
            lang,
            "mail_invite_body",
            name=person.name,
            inviter=principal.claims.get("name") or principal.client_id,
            role=role.value,
            expires=link.expires_at.strftime("%Y-%m-%d %H:%M UTC"),
            link=_link(settings, "/people/invitation", token),
        ),
    )
    return person, membership, mail


async def usable_link(repo: PeopleRepository, token: str, purpose: str) -> EmailLink | None:
    link = await repo.link(digest(token))
    if link is None or link.purpose != purpose or link.used_at is not None:
        return None
    if link.expires_at <= now():
        return None
    return link


async def accept_invitation(
    repo: PeopleRepository, settings: RegistrySettings, token: str, *, name: str, password: str
) -> Person | None:
    """Sets the person's name and password from an invitation link; None if the link is not
    usable. Raises ValidationProblem for a refused password."""
    link = await usable_link(repo, token, "invite")
    if link is None:
        return None
    person = await repo.get(link.person_id, for_update=True)
    if person is None or person.status == PersonStatus.disabled:
        return None
    check_password(settings, password, person.email)
    link.used_at = now()
    person.name = name
    person.password_hash = hash_password(password)
    person.password_changed_at = now()
    person.email_verified_at = person.email_verified_at or now()
    if person.status == PersonStatus.invited:
        person.status = PersonStatus.active
    await repo.session.flush()
    return person


# --- password reset and change ----------------------------------------------------------------


async def request_reset(
    repo: PeopleRepository, settings: RegistrySettings, email: str
) -> Mail | None:
    """A reset link for an active or locked account; nothing (and the same answer) otherwise."""
    person = await repo.by_email(normalise_email(email))
    if person is None or person.status not in (PersonStatus.active, PersonStatus.locked):
        return None
    ttl = timedelta(minutes=settings.reset_ttl_minutes)
    token, link = await _new_link(repo, person, "reset", ttl, None)
    return Mail(
        to=person.email,
        subject=t(person.language, "mail_reset_subject"),
        body=t(
            person.language,
            "mail_reset_body",
            name=person.name,
            expires=link.expires_at.strftime("%Y-%m-%d %H:%M UTC"),
            link=_link(settings, "/people/password-reset", token),
        ),
    )


async def _set_password(
    repo: PeopleRepository, person: Person, password: str, *, keep_session: UUID | None
) -> None:
    person.password_hash = hash_password(password)
    person.password_changed_at = now()
    person.failed_signins = 0
    person.next_signin_at = None
    await repo.end_sessions(person.id, now(), keep=keep_session)


async def reset_password(
    repo: PeopleRepository, settings: RegistrySettings, token: str, password: str
) -> Person | None:
    """A new password from a reset link; unlocks a locked account (the link proves the
    mailbox) and ends every session."""
    link = await usable_link(repo, token, "reset")
    if link is None:
        return None
    person = await repo.get(link.person_id, for_update=True)
    if person is None or person.status not in (PersonStatus.active, PersonStatus.locked):
        return None
    check_password(settings, password, person.email)
    link.used_at = now()
    await _set_password(repo, person, password, keep_session=None)
    person.status = PersonStatus.active
    person.locked_at = None
    await repo.session.flush()
    return person


async def change_password(
    repo: PeopleRepository,
    settings: RegistrySettings,
    person: Person,
    *,
    current: str,
    new: str,
    session_id: UUID | None,
) -> None:
    if not verify_password(person.password_hash, current):
        raise ValidationProblem.for_field(
            "body.current_password", "the current password is wrong", "wrong_password"
        )
    check_password(settings, new, person.email)
    await _set_password(repo, person, new, keep_session=session_id)
    await repo.session.flush()


async def request_email_change(
    repo: PeopleRepository,
    settings: RegistrySettings,
    person: Person,
    *,
    new_email: str,
    password: str,
) -> Mail:
    if not verify_password(person.password_hash, password):
        raise ValidationProblem.for_field(
            "body.password", "the password is wrong", "wrong_password"
        )
    new_email = normalise_email(new_email)
    if await repo.by_email(new_email) is not None:
        raise Conflict("that email address belongs to an account", field="new_email")
    ttl = timedelta(hours=settings.invitation_ttl_hours)
    token, link = await _new_link(repo, person, "email", ttl, str(person.id), new_email)
    return Mail(
        to=new_email,
        subject=t(person.language, "mail_email_subject"),
        body=t(
            person.language,
            "mail_email_body",
            name=person.name,
            expires=link.expires_at.strftime("%Y-%m-%d %H:%M UTC"),
            link=_link(settings, "/people/email-confirmation", token),
        ),
    )


async def confirm_email_change(repo: PeopleRepository, token: str) -> Person | None:
    link = await usable_link(repo, token, "email")
    if link is None or link.new_email is None:
        return None
    person = await repo.get(link.person_id, for_update=True)
    if person is None or await repo.by_email(link.new_email) is not None:
        return None
    link.used_at = now()
    person.email = link.new_email
    person.email_verified_at = now()
    await repo.end_sessions(person.id, now())
    await repo.session.flush()
    return person


# --- sign-in ------------------------------------------------------------------------------------


async def authenticate(
    repo: PeopleRepository,
    settings: RegistrySettings,
    *,
    email: str,
    password: str,
    address: str,
    client_id: str | None,
) -> tuple[Person | None, list[Mail]]:
    """The person whose password this is, or None with one answer for every refusal (unknown
    email, wrong password, throttled, locked, not active), so the page cannot tell them apart.
    argon2 runs on every attempt (against a dummy hash for an unknown email): the answer's
    timing does not tell an unknown email either."""
    email = normalise_email(email)
    person = await repo.by_email(email, for_update=True)
    since = now() - timedelta(minutes=settings.signin_address_window_minutes)
    address_blocked = await repo.address_failures(address, since) >= settings.signin_address_limit
    ok = verify_password(person.password_hash if person else None, password)

    async def record(outcome: str) -> None:
        await repo.add(
            SignInEvent(
                person_id=person.id if person else None,
                address=address,
                client_id=client_id,
                outcome=outcome,
            )
        )

    mails: list[Mail] = []
    if person is None:
        await record("unknown")
        return None, mails
    if address_blocked:
        await record("throttled")
        return None, mails
    if person.status != PersonStatus.active:
        await record(f"refused_{person.status}")
        return None, mails
    if person.next_signin_at is not None and now() < person.next_signin_at:
        await record("throttled")
        return None, mails
    if not ok:
        mails.extend(register_failure(person, settings))
        await record("failure")
        return None, mails
    await record("password")
    return person, mails


def register_failure(person: Person, settings: RegistrySettings) -> list[Mail]:
    """One more consecutive failure (password or second factor): slow down, then lock."""
    person.failed_signins += 1
    failures = person.failed_signins
    if failures >= settings.signin_lock_after:
        person.status = PersonStatus.locked
        person.locked_at = now()
        person.next_signin_at = None
        return [
            Mail(
                to=person.email,
                subject=t(person.language, "mail_locked_subject"),
                body=t(
                    person.language,
                    "mail_locked_body",
                    name=person.name,
                    count=failures,
                    link=f"{settings.links_base}/people/password-reset",
                ),
            )
        ]
    if failures >= settings.signin_slowdown_after:
        doubling = 2 ** min(failures - settings.signin_slowdown_after, 10)
        wait = min(settings.signin_slowdown_seconds * doubling, 900)
        person.next_signin_at = now() + timedelta(seconds=wait)
    return []


def signed_in(person: Person) -> None:
    person.failed_signins = 0
    person.next_signin_at = None


# --- second factor ------------------------------------------------------------------------------


def totp_required(memberships: list[Membership]) -> bool:
    return any(Role(m.role) in TOTP_REQUIRED_ROLES for m in memberships)


def begin_totp_setup(person: Person) -> str:
    if person.totp_secret is None or person.totp_enabled_at is None:
        person.totp_secret = person.totp_secret or pyotp.random_base32()
    return person.totp_secret


def _totp_ok(person: Person, code: str) -> bool:
    if person.totp_secret is None or not (len(code) == 6 and code.isdigit()):
        return False
    totp = pyotp.TOTP(person.totp_secret)
    current = int(now().timestamp()) // TOTP_STEP
    for step in (current - 1, current, current + 1):
        if secrets.compare_digest(totp.at(step * TOTP_STEP), code):
            # Each time step is accepted once: a code seen over a shoulder cannot be replayed.
            if person.totp_last_step is not None and step <= person.totp_last_step:
                return False
            person.totp_last_step = step
            return True
    return False


def new_recovery_codes(person: Person) -> list[str]:
    codes = [secrets.token_hex(5).upper() for _ in range(RECOVERY_CODES)]
    person.recovery_code_hashes = [digest(c) for c in codes]
    return codes


def verify_second_factor(person: Person, raw: str) -> str | None:
    """``otp`` for a good TOTP code, ``rc`` for an unused recovery code, None otherwise."""
    code = raw.replace(" ", "").replace("-", "").upper()
    if person.totp_enabled_at is not None and _totp_ok(person, code):
        return "otp"
    hashed = digest(code)
    if person.totp_enabled_at is not None and hashed in person.recovery_code_hashes:
        person.recovery_code_hashes = [h for h in person.recovery_code_hashes if h != hashed]
        return "rc"
    return None


def enable_totp(person: Person, raw: str) -> list[str] | None:
    """Turns TOTP on when the first code is right; returns the recovery codes (shown once)."""
    code = raw.replace(" ", "")
    if person.totp_enabled_at is not None or not _totp_ok(person, code):
        return None
    person.totp_enabled_at = now()
    return new_recovery_codes(person)


# --- personal data ------------------------------------------------------------------------------


async def may_see(repo: PeopleRepository, principal: Principal, person: Person) -> bool:
    """The person, their organisation's managers and admins (docs/privacy.md)."""
    if principal.role is Role.admin or person_uuid(principal) == person.id:
        return True
    if principal.role in ORG_BOUND_ROLES and principal.org_id is not None:
        return (
            await repo.find_membership(person.id, principal.role.value, principal.org_id)
            is not None
        )
    return False


async def read_person(
    repo: PeopleRepository, principal: Principal, person_id: UUID, action: str = "read"
) -> Person:
    person = await repo.get(person_id)
    if person is None or not await may_see(repo, principal, person):
        raise NotFound(f"no person {person_id}")
    await repo.add(
        PersonDataAccess(
            person_id=person.id,
            actor=principal.client_id,
            actor_client=principal.via_client,
            actor_role=principal.role.value,
            action=action,
        )
    )
    return person


async def recipients(
    repo: PeopleRepository,
    principal: Principal,
    *,
    role: Role,
    org_id: UUID | None,
    page: PageParams,
    person_id: UUID | None = None,
) -> tuple[list[tuple[Person, Membership]], str | None]:
    """The people a notification about ``org_id`` (a cooperative's or offtaker's people) or
    for a staff ``role`` goes to, for the platform's own services only; with ``person_id``,
    that one person if they still hold the role. Each listed person's access log records it
    (``notify``), and only they: asking for one person lists nobody else."""
    if principal.role is not Role.service:
        raise Forbidden("only the platform's services read notification recipients")
    if role not in PERSON_ROLES:
        raise ValidationProblem.for_field("query.role", "not a role people hold", "bad_role")
    if (role in ORG_BOUND_ROLES) != (org_id is not None):
        raise ValidationProblem.for_field(
            "query.org_id",
            "org_id goes with cooperative and offtaker, and only with them",
            "org_binding",
        )
    rows, cursor = await repo.recipients(role.value, org_id, page, person_id)
    for person, _ in rows:
        await repo.add(
            PersonDataAccess(
                person_id=person.id,
                actor=principal.client_id,
                actor_client=principal.via_client,
                actor_role=principal.role.value,
                action="notify",
            )
        )
    return rows, cursor


async def set_status(
    repo: PeopleRepository, principal: Principal, person_id: UUID, status: str
) -> Person:
    """An admin disables, re-enables or unlocks an account; disabling ends its sessions."""
    if principal.role is not Role.admin:
        raise Forbidden("only an admin changes an account's status")
    person = await repo.get(person_id, for_update=True)
    if person is None:
        raise NotFound(f"no person {person_id}")
    if status not in (PersonStatus.active, PersonStatus.disabled):
        raise ValidationProblem.for_field("body.status", "active or disabled", "bad_status")
    if status == PersonStatus.active and person.password_hash is None:
        raise Conflict("the person has not accepted the invitation yet", field="status")
    person.status = status
    person.failed_signins = 0
    person.next_signin_at = None
    person.locked_at = None
    if status == PersonStatus.disabled:
        await repo.end_sessions(person.id, now())
        # Access tokens already issued stop on every service within seconds, not at expiry.
        await revoke_subject(repo.session, subject=str(person.id), reason="person disabled")
    await repo.session.flush()
    return person


async def set_membership_active(
    repo: PeopleRepository, principal: Principal, membership_id: UUID, active: bool
) -> Membership:
    """Admins and the organisation's managers (for their organisation) end or restore a
    membership; ending one ends the person's sessions that act in it."""
    membership = await repo.membership(membership_id)
    if membership is None:
        raise NotFound(f"no membership {membership_id}")
    allowed = principal.role is Role.admin or (
        principal.role in ORG_BOUND_ROLES
        and membership.role == principal.role.value
        and membership.org_id == principal.org_id
    )
    if not allowed:
        raise NotFound(f"no membership {membership_id}")
    membership.active = active
    if not active:
        for session_id in await repo.end_membership_sessions(membership.id, now()):
            # Tokens carry their session (``sid``): those acting in this membership stop.
            await revoke_subject(repo.session, subject=str(session_id), reason="membership ended")
    await repo.session.flush()
    return membership
