"""Data products through ADBC: the system tables, and the warning a query on a deprecated product carries."""
WARNINGS = b"meshgate.warnings"


def test_a_query_on_a_deprecated_product_carries_its_warning_in_the_schema_metadata(cursor):
    cursor.execute("SELECT count(*) AS n FROM supply.inventory.partsupp")
    reader = cursor.fetch_record_batch()
    warning = reader.schema.metadata[WARNINGS].decode()
    assert warning.startswith("Product supply.inventory.partsupp is deprecated: it answers until its sunset on ")
    assert reader.read_all().column("n")[0].as_py() > 0, "a deprecated product still answers"


def test_a_query_on_an_active_product_carries_no_warning(cursor):
    cursor.execute("SELECT count(*) AS n FROM supply.inventory.part")
    metadata = cursor.fetch_arrow_table().schema.metadata or {}
    assert WARNINGS not in metadata


def test_the_products_system_table_describes_every_demo_product(cursor):
    cursor.execute("SELECT product, owner, status, freshness_sla_minutes FROM mesh.meta.products"
                   " WHERE domain IN ('commerce', 'customer', 'supply') ORDER BY product")
    rows = cursor.fetchall()
    assert len(rows) == 8
    assert ("supply.inventory.partsupp", "supply-team", "deprecated", 10080) in rows
    assert all(owner and sla for _, owner, _, sla in rows)
