from __future__ import annotations

from decimal import Decimal
from uuid import UUID

import pydantic
import pytest

from kopmod_shared.errors import ValidationProblem
from kopmod_shared.ids import new_id
from kopmod_shared.money import Money, PositiveMoney, quantize
from kopmod_shared.pagination import decode_cursor, encode_cursor, make_page


def test_money_is_decimal_in_and_string_out():
    adapter = pydantic.TypeAdapter(Money)
    assert adapter.validate_json(b'"1500000.50"') == Decimal("1500000.50")
    assert adapter.validate_json(b"12") == Decimal("12")
    assert adapter.dump_json(Decimal("10.5")) == b'"10.50"'
    for bad in (b"0.1", b'"abc"', b'"NaN"', b"true", b'"1.234"'):
        with pytest.raises(pydantic.ValidationError):
            adapter.validate_json(bad)


def test_positive_money_refuses_zero_and_negative():
    adapter = pydantic.TypeAdapter(PositiveMoney)
    for bad in (b'"0"', b'"-1.00"'):
        with pytest.raises(pydantic.ValidationError):
            adapter.validate_json(bad)


def test_quantize_rounds_half_even():
    assert quantize(Decimal("2.345")) == Decimal("2.34")
    assert quantize(Decimal("2.355")) == Decimal("2.36")
    assert quantize(Decimal("2.5"), Decimal("1")) == Decimal("2")


def test_cursor_round_trip_and_garbage():
    values = ["2026-01-01T00:00:00+00:00", str(UUID(int=5))]
    assert decode_cursor(encode_cursor(values)) == values
    with pytest.raises(ValidationProblem):
        decode_cursor("!!!")
    with pytest.raises(ValidationProblem):
        decode_cursor(encode_cursor([]) + "x" * 3)


def test_make_page_splits_the_extra_row_into_a_cursor():
    rows = [1, 2, 3]
    items, cursor = make_page(rows, 2, lambda r: [r])
    assert items == [1, 2]
    assert decode_cursor(cursor) == [2]
    items, cursor = make_page(rows, 3, lambda r: [r])
    assert items == [1, 2, 3] and cursor is None


def test_new_ids_are_uuid7_and_time_ordered():
    ids = [new_id() for _ in range(50)]
    assert all(i.version == 7 for i in ids)
    assert [i.int >> 80 for i in ids] == sorted(i.int >> 80 for i in ids)
    assert len(set(ids)) == 50


def test_cursor_keys_decode_or_answer_422():
    from datetime import UTC, datetime

    from kopmod_shared.pagination import PageParams, cursor_id, cursor_time_id

    when, key = datetime(2026, 11, 28, tzinfo=UTC), new_id()
    assert cursor_id(PageParams(limit=5, cursor=None)) is None
    assert cursor_time_id(PageParams(limit=5, cursor=None)) is None
    assert cursor_id(PageParams(limit=5, cursor=[str(key)])) == key
    both = decode_cursor(encode_cursor([when, key]))
    assert cursor_time_id(PageParams(limit=5, cursor=both)) == (when, key)
    for garbled in (["not-a-uuid"], [None], [12]):
        with pytest.raises(ValidationProblem) as caught:
            cursor_id(PageParams(limit=5, cursor=garbled))
        assert caught.value.errors[0].field == "query.cursor"
    for garbled in ([str(key)], ["yesterday", str(key)], [when.isoformat(), "x"]):
        with pytest.raises(ValidationProblem):
            cursor_time_id(PageParams(limit=5, cursor=garbled))


def test_keyset_continues_after_the_cursor_in_the_key_order() -> None:
    from sqlalchemy import DateTime, String, select
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.orm import DeclarativeBase, mapped_column

    from kopmod_shared.pagination import PageParams, keyset

    class Base(DeclarativeBase):
        pass

    class Row(Base):
        __tablename__ = "rows"
        id = mapped_column(postgresql.UUID(as_uuid=True), primary_key=True)
        at = mapped_column(DateTime(timezone=True))
        code = mapped_column(String(10))

    def sql(page: PageParams, *, descending: bool = False) -> str:
        stmt = keyset(select(Row), page, Row.at, Row.id, descending=descending)
        return str(stmt.compile(dialect=postgresql.dialect()))

    first = sql(PageParams(limit=5, cursor=None))
    assert "WHERE" not in first and "ORDER BY rows.at ASC, rows.id ASC" in first
    cursor = ["2026-01-15T08:00:00+00:00", str(new_id())]
    later = sql(PageParams(limit=5, cursor=cursor), descending=True)
    assert "WHERE (rows.at, rows.id) < (" in later and "rows.at DESC, rows.id DESC" in later
    for garbled in (["not a time", str(new_id())], [cursor[0]], [cursor[0], "x"], [1, 2]):
        with pytest.raises(ValidationProblem) as refused:
            sql(PageParams(limit=5, cursor=garbled))
        assert refused.value.errors[0].field == "query.cursor"
