-- Personal API tokens: only a SHA-256 of the value is kept; the value is shown once.
CREATE TABLE api_token (
    id           UUID         NOT NULL PRIMARY KEY,
    owner        VARCHAR(256) NOT NULL,
    name         VARCHAR(100) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash)
);
CREATE INDEX ix_api_token_owner ON api_token (owner);
