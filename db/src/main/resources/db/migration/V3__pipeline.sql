-- The pipeline (issue 4): a run as its YAML config describes it, and one row per planned image that
-- follows the lifecycle of architecture.md (PLANNED -> GENERATED -> APPROVED | REJECTED -> ANNOTATED
-- -> PAIRED -> RELEASED). Inserts use ON CONFLICT DO NOTHING on the natural keys, so planning a run
-- again never duplicates a run or an image.

CREATE TABLE pipeline_run (
    id          bigserial   PRIMARY KEY,
    name        text        NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    config      text        NOT NULL,           -- the run's YAML, class-list path made absolute
    seed        bigint      NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE pipeline_image (
    run_id            bigint      NOT NULL REFERENCES pipeline_run (id) ON DELETE CASCADE,
    base              text        NOT NULL,     -- <c1>_<c2>_<n>, unique per run
    c1                text        NOT NULL,
    c2                text        NOT NULL,
    prompt            text        NOT NULL,
    seed              bigint      NOT NULL,
    state             text        NOT NULL DEFAULT 'PLANNED' CHECK (state IN
                          ('PLANNED', 'GENERATED', 'APPROVED', 'REJECTED', 'ANNOTATED', 'PAIRED', 'RELEASED')),
    generator         text        NOT NULL,
    generator_version text,
    params            jsonb,                    -- every choice the generator made
    timing_ms         bigint,
    image_path        text,                     -- relative to the is3 home
    error             text,                     -- why the last attempt failed, null after a success
    updated_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, base)
);

CREATE INDEX pipeline_image_state ON pipeline_image (run_id, state);
