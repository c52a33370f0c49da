-- Tasks, results, batches and memoized results (store/PostgresTaskStore.java). A task is its
-- TaskRecordCodec bytes, as in the MVStore file; terminal and completed_at let expiry run in SQL.
CREATE TABLE tasks (
  task_id TEXT PRIMARY KEY,
  record BYTEA NOT NULL,
  terminal BOOLEAN NOT NULL,
  completed_at BIGINT NOT NULL
);
CREATE INDEX tasks_expiry ON tasks (completed_at) WHERE terminal;

-- Binary results, written (and committed) before the record that names them.
CREATE TABLE task_results (
  task_id TEXT PRIMARY KEY,
  bytes BYTEA NOT NULL
);

CREATE TABLE task_groups (
  group_id TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  members TEXT[] NOT NULL
);

CREATE TABLE memoized_results (
  memo_key TEXT PRIMARY KEY,
  result_json TEXT NOT NULL
);
