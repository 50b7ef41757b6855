-- Failed sign-ins per directory user (canonical name) AND source address, so that nobody can lock
-- a user out from an address of their own. Attempts in progress are counted too ("pending"), so a
-- burst of parallel guesses gets no more evaluated than the limit; "locks" counts the lock-outs in
-- a row, each lasting twice as long as the one before. The old counts (per typed spelling) go.
DROP TABLE sign_in_throttle;
CREATE TABLE sign_in_throttle (
    user_name      VARCHAR(256) NOT NULL,
    source_address VARCHAR(64)  NOT NULL,
    failures       INTEGER      NOT NULL,
    pending        INTEGER      NOT NULL,
    window_start   TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until   TIMESTAMP WITH TIME ZONE,
    locks          INTEGER      NOT NULL,
    PRIMARY KEY (user_name, source_address)
);
