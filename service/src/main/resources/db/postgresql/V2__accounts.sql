-- Users, OAuth clients and refresh tokens of the embedded authorization server (auth/Accounts.java).
CREATE TABLE users (
  id VARCHAR(36) PRIMARY KEY,
  username VARCHAR(100) NOT NULL UNIQUE,
  password_hash VARCHAR(200) NOT NULL,
  user_groups VARCHAR(4000) NOT NULL,
  is_admin BOOLEAN NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE oauth_clients (
  client_id VARCHAR(64) PRIMARY KEY,
  secret_hash VARCHAR(64) NOT NULL,
  owner VARCHAR(36) NOT NULL,
  name VARCHAR(200),
  scopes VARCHAR(400) NOT NULL,
  endpoint_id VARCHAR(36),
  created_at BIGINT NOT NULL
);

CREATE TABLE refresh_tokens (
  token_hash VARCHAR(64) PRIMARY KEY,
  subject VARCHAR(36) NOT NULL,
  client_id VARCHAR(64) NOT NULL,
  scopes VARCHAR(400) NOT NULL,
  expires_at BIGINT NOT NULL
);
