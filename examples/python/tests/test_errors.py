"""A bad query, a bad login and a bad parameter raise DB-API exceptions that say what to fix."""
import adbc_driver_manager
import pytest

import meshgate_connect


def error_of(cursor, sql, parameters=None):
    with pytest.raises(adbc_driver_manager.Error) as raised:
        cursor.execute(sql, parameters)
    return raised.value


def details(error):
    return {key.decode(): value.decode() for key, value in error.details if key.startswith(b"meshgate-")}


def test_unknown_column_names_code_sqlstate_and_position(cursor):
    error = error_of(cursor, "SELECT o_nope FROM commerce.sales.orders")
    assert isinstance(error, adbc_driver_manager.ProgrammingError)
    assert "[COLUMN_NOT_FOUND] SQLSTATE 42703: line 1:8: Column 'o_nope' not found" in str(error)
    assert details(error) == {"meshgate-error-code": "COLUMN_NOT_FOUND", "meshgate-sqlstate": "42703"}


def test_unknown_table_names_the_table(cursor):
    error = error_of(cursor, "SELECT *\nFROM commerce.sales.nope")
    assert "[TABLE_NOT_FOUND] SQLSTATE 42P01: line 2:6:" in str(error)
    assert "nope" in str(error)


def test_syntax_error_points_at_the_token(cursor):
    error = error_of(cursor, "SELECT FROM WHERE")
    assert "SQLSTATE 42601: line 1:" in str(error)


def test_wrong_password_is_refused_without_saying_which_part_was_wrong():
    with pytest.raises(adbc_driver_manager.Error) as raised:
        with meshgate_connect.connect("admin", "not-the-password") as conn, conn.cursor() as cursor:
            cursor.execute("SELECT 1")
    assert "[AUTHENTICATION_FAILED] SQLSTATE 28000: Invalid user name or password" in str(raised.value)


def test_an_error_while_rows_are_read_names_its_code(cursor):
    cursor.execute("SELECT o_orderkey / (o_orderkey - 1) FROM commerce.sales.orders")
    with pytest.raises(adbc_driver_manager.Error) as raised:
        cursor.fetchall()
    assert "[DIVISION_BY_ZERO] SQLSTATE 22012: Division by zero" in str(raised.value)
    assert details(raised.value)["meshgate-sqlstate"] == "22012"


def test_connection_keeps_working_after_an_error(cursor):
    error_of(cursor, "SELECT o_nope FROM commerce.sales.orders")
    cursor.execute("SELECT 2")
    assert cursor.fetchall() == [(2,)]
