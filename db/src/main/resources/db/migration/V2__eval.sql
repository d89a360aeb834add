-- The eval server: benchmarks with hidden ground truth, teams and their tokens, phases with quotas,
-- submissions that double as the durable scoring queue (lease columns), and their results.

CREATE TABLE eval_benchmark (
    id          bigserial        PRIMARY KEY,
    name        text             NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    gt_format   text             NOT NULL,                 -- is3 | is3-seg | vggss | flickr | extended
    protocol    text             NOT NULL DEFAULT 'sslalign',
    tau         double precision NOT NULL DEFAULT 0.03,    -- extended benchmarks: heatmaps are cos/tau
    created_at  timestamptz      NOT NULL DEFAULT now()
);

-- dev: per-sample results visible to the submitting team; test: aggregates only;
-- private: aggregates revealed only once its phase has closed.
CREATE TABLE eval_split (
    id            bigserial PRIMARY KEY,
    benchmark_id  bigint    NOT NULL REFERENCES eval_benchmark (id) ON DELETE CASCADE,
    name          text      NOT NULL,
    visibility    text      NOT NULL CHECK (visibility IN ('dev', 'test', 'private')),
    UNIQUE (benchmark_id, name)
);

-- The hidden ground truth, one row per sample in the reference order (position).
CREATE TABLE eval_sample (
    split_id   bigint  NOT NULL REFERENCES eval_split (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    sample_id  text    NOT NULL,
    kind       text    NOT NULL,           -- SampleKind: positive, non_sounding, silence, noise, offscreen
    box_count  integer NOT NULL,
    gt         bytea   NOT NULL,           -- the 224x224 map in half-units, one byte per pixel, deflated
    PRIMARY KEY (split_id, position),
    UNIQUE (split_id, sample_id)
);

CREATE TABLE eval_phase (
    id                  bigserial   PRIMARY KEY,
    benchmark_id        bigint      NOT NULL REFERENCES eval_benchmark (id) ON DELETE CASCADE,
    name                text        NOT NULL,
    opens_at            timestamptz NOT NULL,
    closes_at           timestamptz,                       -- null: open-ended
    daily_quota         integer     NOT NULL CHECK (daily_quota >= 0),   -- per team, UTC day
    total_quota         integer     NOT NULL CHECK (total_quota >= 0),   -- per team
    failed_quota        integer     NOT NULL CHECK (failed_quota >= 0),  -- failed submissions per team
    leaderboard_public  boolean     NOT NULL DEFAULT true,
    UNIQUE (benchmark_id, name)
);

CREATE TABLE eval_team (
    id          bigserial   PRIMARY KEY,
    name        text        NOT NULL UNIQUE,
    role        text        NOT NULL CHECK (role IN ('admin', 'member')),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- API tokens are stored only as SHA-256 hex digests.
CREATE TABLE eval_token (
    id          bigserial   PRIMARY KEY,
    team_id     bigint      NOT NULL REFERENCES eval_team (id) ON DELETE CASCADE,
    token_hash  text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

CREATE TABLE eval_submission (
    id                 bigserial   PRIMARY KEY,
    team_id            bigint      NOT NULL REFERENCES eval_team (id),
    phase_id           bigint      NOT NULL REFERENCES eval_phase (id),
    method             text        NOT NULL,
    description        text        NOT NULL DEFAULT '',
    paper_url          text,
    code_url           text,
    pretrained_vision  boolean     NOT NULL DEFAULT false,
    uses_ogl           boolean     NOT NULL DEFAULT false,
    baseline           boolean     NOT NULL DEFAULT false,
    upsampled_from     text,                               -- e.g. '7x7' when maps were upsampled server-side
    file_path          text        NOT NULL,               -- relative to <home>/submissions
    file_bytes         bigint      NOT NULL,
    status             text        NOT NULL CHECK (status IN ('queued', 'running', 'scored', 'failed')),
    error              text,
    attempts           integer     NOT NULL DEFAULT 0,
    lease_owner        text,
    lease_until        timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    finished_at        timestamptz
);
CREATE INDEX eval_submission_queue_idx ON eval_submission (created_at, id) WHERE status IN ('queued', 'running');
CREATE INDEX eval_submission_team_idx ON eval_submission (team_id, phase_id, created_at);

-- Every status change with its reason: queued -> running -> scored | failed (and requeues).
CREATE TABLE eval_submission_event (
    id             bigserial   PRIMARY KEY,
    submission_id  bigint      NOT NULL REFERENCES eval_submission (id) ON DELETE CASCADE,
    status         text        NOT NULL,
    detail         text,
    at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX eval_submission_event_idx ON eval_submission_event (submission_id, id);

-- Aggregate metrics per split (the keys of `is3 eval score --json`) and the success-rate curves.
CREATE TABLE eval_result (
    submission_id  bigint NOT NULL REFERENCES eval_submission (id) ON DELETE CASCADE,
    split_id       bigint NOT NULL REFERENCES eval_split (id) ON DELETE CASCADE,
    metrics        jsonb  NOT NULL,
    PRIMARY KEY (submission_id, split_id)
);

-- Per-sample results, kept for dev splits only (hidden splits never show per-sample scores).
CREATE TABLE eval_sample_result (
    submission_id  bigint           NOT NULL REFERENCES eval_submission (id) ON DELETE CASCADE,
    split_id       bigint           NOT NULL REFERENCES eval_split (id) ON DELETE CASCADE,
    sample_id      text             NOT NULL,
    ciou           double precision,
    ciou_adap      double precision,
    PRIMARY KEY (submission_id, split_id, sample_id)
);
