-- Registered functions and endpoints (store/Registry.java): the columns H2 reaches through its
-- CREATE and ALTER statements, in one step.
CREATE TABLE functions (
  id VARCHAR(36) PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  entry_point VARCHAR(200) NOT NULL,
  source VARCHAR(1048576) NOT NULL,
  hash VARCHAR(64) NOT NULL,
  signature VARCHAR(2000),
  return_type VARCHAR(500),
  created_at BIGINT NOT NULL,
  owner VARCHAR(200) DEFAULT '' NOT NULL,
  is_public BOOLEAN DEFAULT FALSE NOT NULL,
  shared_groups VARCHAR(4000) DEFAULT '' NOT NULL,
  kind VARCHAR(16) DEFAULT 'java' NOT NULL,
  dependencies VARCHAR(40000) DEFAULT '' NOT NULL
);

CREATE TABLE endpoints (
  id VARCHAR(36) PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  created_at BIGINT NOT NULL,
  owner VARCHAR(200) DEFAULT '' NOT NULL,
  is_public BOOLEAN DEFAULT FALSE NOT NULL,
  shared_groups VARCHAR(4000) DEFAULT '' NOT NULL,
  allowed_functions VARCHAR(40000) DEFAULT '' NOT NULL,
  curve_key VARCHAR(40)
);
