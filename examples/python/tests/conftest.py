import os
import socket
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import meshgate_connect  # noqa: E402


def pytest_configure(config):
    address = urlparse(meshgate_connect.URI)
    try:
        socket.create_connection((address.hostname, address.port), timeout=5).close()
    except OSError as e:
        raise pytest.UsageError(
            f"No Meshgate gateway answers at {meshgate_connect.URI} ({e}): start one with ./meshgate demo, "
            "or point MESHGATE_URI at yours")


@pytest.fixture
def conn():
    with meshgate_connect.connect() as connection:
        yield connection


@pytest.fixture
def cursor(conn):
    with conn.cursor() as cur:
        yield cur


@pytest.fixture
def types_table():
    """The table holding every Iceberg type, when the gateway under test serves one."""
    name = os.environ.get("MESHGATE_TYPES_TABLE")
    if not name:
        pytest.skip("MESHGATE_TYPES_TABLE is not set: the gateway under test has no all-types table")
    return name
