"""New ids: time-ordered and monotonic within the process."""

from uuid import UUID

from kopmod_shared import ids
from kopmod_shared.ids import new_id


def test_ids_made_in_one_millisecond_sort_in_the_order_they_were_made() -> None:
    made = [new_id() for _ in range(5000)]
    assert made == sorted(made)
    assert len(set(made)) == len(made)
    assert {u.version for u in made} == {7}
    assert {u.variant for u in made} == {"specified in RFC 4122"}


def test_the_step_past_the_last_id_keeps_version_and_variant() -> None:
    last = new_id()
    stepped = UUID(int=ids._next_after(last.int))
    assert stepped > last
    assert (stepped.version, stepped.variant) == (last.version, last.variant)
    assert stepped.int >> 80 == last.int >> 80  # the same millisecond
    ms = last.int >> 80
    full = (ms << 80) | (0x7 << 76) | (0b10 << 62) | ((1 << 62) - 1)  # low random bits all set
    rolled = UUID(int=ids._next_after(full))
    assert rolled > UUID(int=full) and rolled.version == 7


def test_ids_made_in_bulk_are_new_ids_in_order(monkeypatch) -> None:
    before = new_id()
    made = ids.new_ids(3000)
    assert made == sorted(made) and len(set(made)) == 3000 and made[0] > before
    assert {(u.version, u.variant) for u in made} == {(7, "specified in RFC 4122")}
    assert new_id() > made[-1]  # the next single id follows the block
    assert ids.new_ids(0) == []
    # A first id whose random bits are nearly all set: the block steps as _next_after does.
    ms = new_id().int >> 80
    nearly = (ms << 80) | (0x7 << 76) | (0b10 << 62) | ((1 << 62) - 2)
    monkeypatch.setattr(ids, "new_id", lambda: UUID(int=nearly))
    rolled = ids.new_ids(4)
    assert rolled == sorted(rolled) and len(set(rolled)) == 4
    assert {(u.version, u.variant) for u in rolled} == {(7, "specified in RFC 4122")}


def test_ids_in_bulk_as_hex_are_the_same_ids() -> None:
    before = new_id()
    made = ids.new_ids_hex(500)
    assert all(len(h) == 32 for h in made) and ids.new_ids_hex(0) == []
    as_uuids = [UUID(h) for h in made]
    assert as_uuids == sorted(as_uuids) and len(set(as_uuids)) == 500 and as_uuids[0] > before
    assert {(u.version, u.variant) for u in as_uuids} == {(7, "specified in RFC 4122")}
    assert new_id() > as_uuids[-1]
