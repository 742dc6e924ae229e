"""`kopmod migrate` after an upgrade across a migration that adds to financing's maintained loan
state (columns only a replay can fill) rebuilds it by itself; a database created at head, or one
already past those revisions, is left alone (docs/deploy.md)."""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory

from kopmod_cli import stack
from kopmod_cli.services import APPS
from kopmod_shared.testing import _in_thread, alembic_config, fresh_database

FINANCING = APPS["financing"]
PAID_ON = "c8e2a4f6b1d7"  # installments' paid-on dates


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config(FINANCING.directory, ""))


def test_which_upgrades_cross_a_rebuild() -> None:
    script = _script()
    head = script.get_current_head()
    assert head is not None
    before_paid_on = script.get_revision(PAID_ON).down_revision
    assert isinstance(before_paid_on, str)
    assert stack.crossed_rebuilds(FINANCING, set()) == set()  # never migrated: no loans
    assert stack.crossed_rebuilds(FINANCING, {head}) == set()
    assert stack.crossed_rebuilds(FINANCING, {before_paid_on}) == {PAID_ON}
    oldest = script.get_revision("7d1e5a2c9b40").down_revision
    assert isinstance(oldest, str)
    assert stack.crossed_rebuilds(FINANCING, {oldest}) == set(stack.REBUILD_AFTER["financing"])
    assert stack.crossed_rebuilds(APPS["registry"], {"anything"}) == set()


def test_migrate_rebuilds_only_when_it_crossed_one() -> None:
    url = fresh_database(FINANCING.directory, "kopmod_financing_rebuild_test", migrate=False)
    before_paid_on = _script().get_revision(PAID_ON).down_revision
    _in_thread(command.upgrade, alembic_config(FINANCING.directory, url), before_paid_on)
    assert _in_thread(stack.migrate, FINANCING, url) == 0  # the rebuild ran (no loans here)
    assert _in_thread(stack.migrate, FINANCING, url) is None  # at head already: nothing to do
