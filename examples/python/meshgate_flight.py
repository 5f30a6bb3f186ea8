"""Flight SQL with nothing but pyarrow.flight: log in, send a query, read every endpoint.

pyarrow.flight speaks Arrow Flight, not its SQL layer, so a query is sent as the Flight SQL
command message (arrow.flight.protocol.sql.CommandStatementQuery, field 1: the query) packed in a
protobuf Any, both written by hand here to need no generated protobuf classes.
"""
import pyarrow as pa
import pyarrow.flight as flight

import meshgate_connect

_STATEMENT_QUERY = "type.googleapis.com/arrow.flight.protocol.sql.CommandStatementQuery"


def _varint(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _length_delimited(field_number, payload):
    return _varint(field_number << 3 | 2) + _varint(len(payload)) + payload


def statement_query(sql):
    """The Flight descriptor command for running `sql`."""
    command = _length_delimited(1, sql.encode("utf-8"))
    return _length_delimited(1, _STATEMENT_QUERY.encode("ascii")) + _length_delimited(2, command)


def read_query(sql, user=meshgate_connect.USER, password=meshgate_connect.PASSWORD):
    """Runs `sql` and returns the whole result as one Arrow table, read from every endpoint."""
    location = meshgate_connect.URI.replace("grpc://", "grpc+tcp://", 1)
    with flight.FlightClient(location) as client:
        options = flight.FlightCallOptions(headers=[client.authenticate_basic_token(user, password)])
        info = client.get_flight_info(flight.FlightDescriptor.for_command(statement_query(sql)), options)
        tables = [client.do_get(endpoint.ticket, options).read_all() for endpoint in info.endpoints]
        return pa.concat_tables(tables) if tables else info.schema.empty_table()
