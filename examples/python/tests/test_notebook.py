"""The notebook runs top to bottom against the gateway and gets the answers it shows."""
import json
import os
from pathlib import Path

import pyarrow as pa

NOTEBOOK = Path(__file__).resolve().parent.parent / "meshgate_quickstart.ipynb"


def run_notebook():
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    namespace = {}
    for number, cell in enumerate(cells):
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), f"{NOTEBOOK.name} cell {number}", "exec"), namespace)
    return namespace


def test_notebook_runs_and_its_cells_get_their_answers(monkeypatch):
    monkeypatch.chdir(NOTEBOOK.parent)
    if "MESHGATE_PASSWORD" not in os.environ:
        monkeypatch.setenv("MESHGATE_PASSWORD", os.environ.get("MESHGATE_USER", "admin"))
    result = run_notebook()

    top = result["top_customers"]
    assert list(top.columns) == ["c_name", "orders", "revenue"]
    assert len(top) == 5
    assert list(top["revenue"]) == sorted(top["revenue"], reverse=True)
    assert result["lineitem"].num_rows > 50_000
    assert result["lineitem"].schema.field("l_shipdate").type == pa.date32()
    assert set(result["orders_of_customer_1"]["o_orderkey"]) and len(result["orders_of_customer_1"]) >= 1
    assert "[COLUMN_NOT_FOUND] SQLSTATE 42703: line 1:8:" in result["error_message"]
    assert result["nations"].num_rows == 25
