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
