"""The same gateway through pyarrow.flight alone, without ADBC."""
import pyarrow as pa
import pyarrow.flight as flight
import pytest

import meshgate_connect
import meshgate_flight


def test_pyarrow_flight_reads_the_same_rows_as_adbc(cursor):
    sql = "SELECT n_nationkey, n_name FROM customer.crm.nation ORDER BY n_nationkey"
    table = meshgate_flight.read_query(sql)
    cursor.execute(sql)
    assert table.to_pylist() == cursor.fetch_arrow_table().to_pylist()
    assert table.num_rows == 25
    assert table.schema.field("n_name").type == pa.string()


def test_pyarrow_flight_error_carries_code_and_sqlstate():
    # pyarrow turns gRPC NOT_FOUND into ArrowKeyError and other codes into FlightError; both are ArrowException.
    with pytest.raises(pa.ArrowException) as raised:
        meshgate_flight.read_query("SELECT nope FROM customer.crm.nation")
    assert "[COLUMN_NOT_FOUND] SQLSTATE 42703: line 1:8:" in str(raised.value)


def test_pyarrow_flight_refuses_a_wrong_password():
    with pytest.raises(flight.FlightUnauthenticatedError):
        meshgate_flight.read_query("SELECT 1", meshgate_connect.USER, "wrong")
