-- Failed sign-ins per user name (lower-cased), so that a lock holds across restarts and nodes.
CREATE TABLE sign_in_throttle (
    user_name        VARCHAR(256) NOT NULL PRIMARY KEY,
    failures         INTEGER      NOT NULL,
    first_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until     TIMESTAMP WITH TIME ZONE,
    version          BIGINT       NOT NULL
);
