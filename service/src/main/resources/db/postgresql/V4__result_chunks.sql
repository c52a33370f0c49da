-- Binary results in chunks of at most 1 MiB (PostgresTaskStore.RESULT_CHUNK_BYTES): PgJDBC reads a
-- bytea value whole, so a 256 MiB result in one row cost 256 MiB of heap per reader. A result is
-- read chunk by chunk, one short query each, holding no connection between them.
CREATE TABLE task_result_chunks (
  task_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  bytes BYTEA NOT NULL,
  PRIMARY KEY (task_id, seq)
);
INSERT INTO task_result_chunks (task_id, seq, bytes) SELECT task_id, 0, bytes FROM task_results;
DROP TABLE task_results;
