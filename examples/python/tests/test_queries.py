"""Queries a notebook user runs, through ADBC's Flight SQL driver (DB-API), pandas and pyarrow."""
import datetime
import decimal

import adbc_driver_flightsql.dbapi as flightsql
import pyarrow as pa

import meshgate_connect

ORDERS = "commerce.sales.orders"
CUSTOMER = "customer.crm.customer"


def scalar(cursor, sql, parameters=None):
    cursor.execute(sql, parameters)
    return cursor.fetchone()[0]


def test_password_login_answers_a_query(cursor):
    cursor.execute("SELECT 1 + 1 AS two")
    assert cursor.fetchall() == [(2,)]
    assert [column[0] for column in cursor.description] == ["two"]


def test_cross_domain_join_matches_the_same_join_done_in_pandas(cursor):
    cursor.execute(f"SELECT c_custkey, c_mktsegment FROM {CUSTOMER}")
    customers = cursor.fetch_df()
    cursor.execute(f"SELECT o_custkey, o_totalprice FROM {ORDERS}")
    orders = cursor.fetch_df()
    expected = (orders.merge(customers, left_on="o_custkey", right_on="c_custkey")
                .groupby("c_mktsegment")["o_totalprice"].agg(["count", "sum"]).sort_index())

    cursor.execute(f"""
        SELECT c_mktsegment, count(*) AS orders, sum(o_totalprice) AS revenue
        FROM {CUSTOMER} JOIN {ORDERS} ON o_custkey = c_custkey
        GROUP BY c_mktsegment ORDER BY c_mktsegment""")
    joined = cursor.fetch_df().set_index("c_mktsegment")

    assert list(joined.index) == list(expected.index)
    assert list(joined["orders"]) == list(expected["count"])
    assert list(joined["revenue"]) == [decimal.Decimal(v) for v in expected["sum"]]


def test_large_result_arrives_as_arrow_with_the_table_types(cursor):
    count = scalar(cursor, "SELECT count(*) FROM commerce.sales.lineitem")
    cursor.execute("SELECT * FROM commerce.sales.lineitem")
    table = cursor.fetch_arrow_table()

    assert table.num_rows == count
    assert table.num_rows > 50_000
    assert table.schema.field("l_orderkey").type == pa.int64()
    assert table.schema.field("l_extendedprice").type == pa.decimal128(12, 2)
    assert table.schema.field("l_shipdate").type == pa.date32()
    assert table.schema.field("l_comment").type == pa.string()
    assert len(set(table.column("l_orderkey").to_pylist())) == scalar(
        cursor, "SELECT count(DISTINCT l_orderkey) FROM commerce.sales.lineitem")


def test_bound_parameters_are_values_and_the_statement_reruns_with_new_ones(cursor):
    sql = f"SELECT o_orderkey, o_orderdate FROM {ORDERS} WHERE o_custkey = ? AND o_orderdate >= ? ORDER BY o_orderkey"
    since = datetime.date(1995, 1, 1)
    for customer in (1, 4):
        cursor.execute(f"SELECT o_orderkey, o_orderdate FROM {ORDERS} WHERE o_custkey = {customer} "
                       "AND o_orderdate >= DATE '1995-01-01' ORDER BY o_orderkey")
        expected = cursor.fetchall()
        cursor.execute(sql, parameters=(customer, since))
        assert cursor.fetchall() == expected
        assert expected, "customer %d has orders since 1995 in the demo data" % customer

    assert scalar(cursor, f"SELECT count(*) FROM {CUSTOMER} WHERE c_name = ?", ("x' OR '1'='1",)) == 0


def test_policies_hold_for_python_clients_too():
    with meshgate_connect.connect("ana", "ana") as conn, conn.cursor() as cursor:
        name = scalar(cursor, f"SELECT c_name FROM {CUSTOMER} WHERE c_custkey = 1")
        assert len(name) == 64 and all(ch in "0123456789abcdef" for ch in name), name
        assert scalar(cursor, f"SELECT count(*) FROM {ORDERS} WHERE o_orderpriority = '1-URGENT'") == 0


def test_session_catalog_and_schema_let_short_names_resolve():
    # ADBC keeps a Flight SQL session only with its cookie middleware on.
    with flightsql.connect(meshgate_connect.URI, autocommit=True, db_kwargs={
            "username": meshgate_connect.USER, "password": meshgate_connect.PASSWORD,
            "adbc.flight.sql.rpc.with_cookie_middleware": "true"}) as conn, conn.cursor() as cursor:
        total = scalar(cursor, f"SELECT count(*) FROM {ORDERS}")
        conn.adbc_connection.set_options(**{"adbc.connection.catalog": "commerce", "adbc.connection.db_schema": "sales"})
        assert scalar(cursor, "SELECT count(*) FROM orders") == total
        assert scalar(cursor, "SELECT count(*) FROM sales.orders") == total
        assert scalar(cursor, "SELECT count(*) FROM customer.crm.nation") == 25
