-- One row per start of an is3 service (is3 up, a server, a worker), so an operator can see which
-- versions ran against this database, on which hosts and when.
CREATE TABLE service_start (
    id         bigserial   PRIMARY KEY,
    service    text        NOT NULL,
    host       text        NOT NULL,
    started_at timestamptz NOT NULL DEFAULT now(),
    -- null when the starting build does not know its version (a development build)
    version    text
);

CREATE INDEX service_start_started_at_idx ON service_start (started_at DESC, id DESC);
