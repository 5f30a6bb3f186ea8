"""Connection settings for the examples: a running Meshgate gateway, by default the demo's.

MESHGATE_URI (default grpc://127.0.0.1:31337), MESHGATE_USER and MESHGATE_PASSWORD (default
admin/admin, a demo user) override them.
"""
import os

import adbc_driver_flightsql.dbapi as flightsql

URI = os.environ.get("MESHGATE_URI", "grpc://127.0.0.1:31337")
USER = os.environ.get("MESHGATE_USER", "admin")
PASSWORD = os.environ.get("MESHGATE_PASSWORD", "admin")


def connect(user=USER, password=PASSWORD):
    """A DB-API connection through ADBC's Flight SQL driver. Meshgate is read-only, so autocommit is on."""
    return flightsql.connect(URI, db_kwargs={"username": user, "password": password}, autocommit=True)
