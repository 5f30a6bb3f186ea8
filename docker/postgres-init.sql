-- The finance domain's tables, in the PostgreSQL database that compose.yaml starts.
CREATE SCHEMA IF NOT EXISTS ledger;
CREATE TABLE IF NOT EXISTS ledger.invoice (
    invoice_id   bigint PRIMARY KEY,
    o_orderkey   bigint NOT NULL,
    amount       numeric(12, 2) NOT NULL,
    currency     char(3) NOT NULL,
    issued_on    date NOT NULL,
    paid         boolean NOT NULL
);
INSERT INTO ledger.invoice VALUES
    (1, 1, 173665.47, 'EUR', DATE '1996-01-03', true),
    (2, 2, 46929.18, 'USD', DATE '1996-12-02', true),
    (3, 3, 193846.25, 'EUR', DATE '1993-10-15', false)
ON CONFLICT DO NOTHING;
