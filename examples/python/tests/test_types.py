"""Every Iceberg type arrives in pyarrow with its Arrow type and its value, NULLs included.

The gateway under test serves the all-types table of the Java suite (AllTypesTable), whose rows are
written out here as that fixture writes them. Times and timestamps are compared to the millisecond:
the planner keeps them at that precision.
"""
import datetime
import decimal
import math

import pyarrow as pa
import pytest

UTC = datetime.timezone.utc
DEC38_MAX = decimal.Decimal("9" * 38)
DEC38_MIN = decimal.Decimal("-" + "9" * 38)  # not -DEC38_MAX: negation rounds to 28 digits

EXPECTED_TYPES = {
    "id": pa.int32(), "b": pa.bool_(), "i": pa.int32(), "l": pa.int64(), "f": pa.float32(), "d": pa.float64(),
    "dec38": pa.decimal128(38, 0), "dec9": pa.decimal128(9, 2), "dt": pa.date32(), "t": pa.time64("us"),
    "ts": pa.timestamp("us"), "tstz": pa.timestamp("us", tz="UTC"), "s": pa.string(), "u": pa.string(),
    "fx": pa.binary(4), "bin": pa.binary(),
}


@pytest.fixture
def rows(cursor, types_table):
    cursor.execute(f"SELECT * FROM {types_table} ORDER BY id")
    table = cursor.fetch_arrow_table()
    return table, {row["id"]: row for row in table.to_pylist()}


def millis(value):
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


def test_each_column_has_the_arrow_type_of_its_iceberg_type(rows):
    table, _ = rows
    for name, arrow_type in EXPECTED_TYPES.items():
        assert table.schema.field(name).type == arrow_type, name
    assert pa.types.is_list(table.schema.field("tags").type)
    assert table.schema.field("tags").type.value_type == pa.string()
    assert pa.types.is_map(table.schema.field("scores").type)
    assert table.schema.field("scores").type.item_type == pa.int32()
    point = table.schema.field("point").type
    assert pa.types.is_struct(point) and [point.field(i).name for i in range(point.num_fields)] == ["x", "label"]
    assert pa.types.is_struct(table.schema.field("events").type.value_type)


def test_typical_values_round_trip(rows):
    _, by_id = rows
    row = by_id[1]
    assert (row["b"], row["i"], row["l"], row["f"], row["d"]) == (True, 42, 1234567890123, 1.5, -0.1)
    assert row["dec38"] == decimal.Decimal("12345678901234567890123456789012345678")
    assert row["dec9"] == decimal.Decimal("1234.56")
    assert row["dt"] == datetime.date(2024, 2, 29)
    assert row["t"] == millis(datetime.time(13, 45, 30, 123456))
    assert row["ts"] == millis(datetime.datetime(2024, 2, 29, 23, 59, 58, 654321))
    written = datetime.datetime(2024, 3, 10, 1, 30, 0, 123456, tzinfo=datetime.timezone(datetime.timedelta(hours=5, minutes=30)))
    assert row["tstz"] == millis(written.astimezone(UTC))
    assert row["s"] == "Grüße, 世界 🌍"
    assert row["u"] == "123e4567-e89b-12d3-a456-426614174000"
    assert (row["fx"], row["bin"]) == (bytes([1, 2, 3, 4]), bytes([0xCA, 0xFE]))
    assert row["tags"] == ["a", None, "c"]
    assert dict(row["scores"]) == {"x": 1, "y": None}
    assert row["point"] == {"x": 1.5, "label": "p"}
    assert row["events"] == [{"name": "e1", "qty": 1}, {"name": "e2", "qty": None}]
    assert row["info"]["codes"] == [1, 2] and dict(row["info"]["props"]) == {"k": "v"}


def test_extremes_round_trip(rows):
    _, by_id = rows
    high, low = by_id[2], by_id[3]
    assert (high["i"], high["l"], low["i"], low["l"]) == (2**31 - 1, 2**63 - 1, -2**31, -2**63)
    assert (high["dec38"], low["dec38"]) == (DEC38_MAX, DEC38_MIN)
    assert high["f"] == math.inf and high["d"] == math.inf and low["f"] == -math.inf and math.isnan(low["d"])
    assert (high["dt"], low["dt"]) == (datetime.date(9999, 12, 31), datetime.date(1, 1, 1))
    assert high["ts"] == datetime.datetime(9999, 12, 31, 23, 59, 59, 999000)
    assert low["tstz"] == datetime.datetime(1900, 1, 1, 8, 0, tzinfo=UTC)
    assert (high["tags"], dict(high["scores"]), high["events"]) == ([], {}, [None])
    assert (low["tags"], low["scores"], low["point"], low["events"]) == (None, None, None, [])


def test_a_row_of_nulls_is_nulls(rows):
    _, by_id = rows
    assert all(value is None for name, value in by_id[4].items() if name != "id")


def test_nested_values_can_be_queried(cursor, types_table):
    cursor.execute(f"SELECT tags[1], scores['x'], cardinality(tags), t.point.label, t.events[1].name "
                   f"FROM {types_table} AS t WHERE id = 1")
    assert cursor.fetchall() == [("a", 1, 3, "p", "e1")]
    cursor.execute(f"SELECT id FROM {types_table} WHERE u = ? ORDER BY id", parameters=("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",))
    assert cursor.fetchall() == [(5,)]
