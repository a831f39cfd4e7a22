DROP TABLE ledger_entries;
--bun:split
DROP TABLE ledger_postings;
