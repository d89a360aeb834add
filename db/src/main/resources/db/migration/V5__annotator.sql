-- The annotator (issue 5): accounts and their credentials, pull-based tasks with leases, every
-- submitted verification and mask as its own insert-only row (who/when; nothing is overwritten),
-- honeypots with known masks from the shapes world, and the decisions that accepted a mask.
-- The verification queue is pipeline_image in state GENERATED, the annotation queue state
-- APPROVED (V3/V4); an accepted pair of masks becomes image_object rows (V4).

CREATE TABLE annot_user (
    id            bigserial   PRIMARY KEY,
    name          text        NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    role          text        NOT NULL CHECK (role IN ('annotator', 'reviewer', 'admin')),
    password_hash text        NOT NULL,            -- bcrypt ($2a$), never the password
    created_at    timestamptz NOT NULL DEFAULT now(),
    disabled_at   timestamptz
);

-- Browser sessions (cookie) and API tokens (bearer): only the SHA-256 of the secret is stored.
CREATE TABLE annot_credential (
    id          bigserial   PRIMARY KEY,
    user_id     bigint      NOT NULL REFERENCES annot_user (id) ON DELETE CASCADE,
    kind        text        NOT NULL CHECK (kind IN ('session', 'token')),
    secret_hash text        NOT NULL UNIQUE,
    csrf        text,                              -- sessions only: the X-CSRF-Token their writes must carry
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz,                       -- null: until revoked
    revoked_at  timestamptz
);

-- Items with a known mask per category (rendered from core.shapes under <home>/annotator/honeypots).
CREATE TABLE annot_honeypot (
    id          bigserial   PRIMARY KEY,
    seed        bigint      NOT NULL UNIQUE,
    c1          text        NOT NULL,
    c2          text        NOT NULL,
    prompt      text        NOT NULL,
    width       int         NOT NULL CHECK (width > 0),
    height      int         NOT NULL CHECK (height > 0),
    image_path  text        NOT NULL,              -- relative to the is3 home
    mask_c1     text        NOT NULL,              -- COCO RLE counts
    mask_c2     text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- One row per unit of human work. A pull locks one open row with FOR UPDATE SKIP LOCKED and
-- writes the lease into it; a lease past lease_expires is free again. Pipeline tasks are unique
-- per (kind, image, slot): slot 0..k-1 are the k overlapping annotations of an image; a honeypot
-- task exists once per (honeypot, user). A task whose image left its queue's state unworked
-- (accepted through the other slots, moved by the pipeline) is 'closed', so open rows stay few.
CREATE TABLE annot_task (
    id            bigserial   PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('verify', 'annotate', 'review')),
    run_id        bigint,
    base          text,
    slot          int         NOT NULL DEFAULT 0,
    honeypot_id   bigint      REFERENCES annot_honeypot (id) ON DELETE CASCADE,
    for_user      bigint      REFERENCES annot_user (id) ON DELETE CASCADE,
    state         text        NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done', 'closed')),
    leased_by     bigint      REFERENCES annot_user (id),
    lease_token   text,
    leased_at     timestamptz,
    lease_expires timestamptz,
    lease_count   int         NOT NULL DEFAULT 0,
    done_by       bigint      REFERENCES annot_user (id),
    done_at       timestamptz,
    created_at    timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (run_id, base) REFERENCES pipeline_image (run_id, base) ON DELETE CASCADE,
    CHECK ((honeypot_id IS NULL) = (run_id IS NOT NULL AND base IS NOT NULL)),
    CHECK (honeypot_id IS NULL OR kind = 'annotate'),
    UNIQUE (kind, run_id, base, slot),
    UNIQUE (honeypot_id, for_user)
);

CREATE INDEX annot_task_open ON annot_task (kind, id) WHERE state = 'open';
CREATE INDEX annot_task_image ON annot_task (run_id, base);
CREATE INDEX annot_task_done_by ON annot_task (done_by);
CREATE INDEX annot_task_held ON annot_task (leased_by, kind) WHERE state = 'open';
CREATE INDEX annot_task_for_user ON annot_task (for_user) WHERE for_user IS NOT NULL;

-- The annotator's task sync looks at the images updated since its previous run.
CREATE INDEX annot_pipeline_image_updated ON pipeline_image (updated_at);

-- Every approve/reject, as given.
CREATE TABLE annot_verification (
    id          bigserial   PRIMARY KEY,
    task_id     bigint      NOT NULL REFERENCES annot_task (id) ON DELETE CASCADE,
    run_id      bigint      NOT NULL,
    base        text        NOT NULL,
    user_id     bigint      NOT NULL REFERENCES annot_user (id),
    decision    text        NOT NULL CHECK (decision IN ('approve', 'reject')),
    reason      text,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Every submitted mask (one row per category of a submit); never updated.
CREATE TABLE annot_submission (
    id          bigserial   PRIMARY KEY,
    task_id     bigint      NOT NULL REFERENCES annot_task (id) ON DELETE CASCADE,
    run_id      bigint,
    base        text,
    honeypot_id bigint      REFERENCES annot_honeypot (id) ON DELETE CASCADE,
    category    text        NOT NULL,
    user_id     bigint      NOT NULL REFERENCES annot_user (id),
    width       int         NOT NULL CHECK (width > 0),
    height      int         NOT NULL CHECK (height > 0),
    mask_rle    text        NOT NULL,
    box_x       int         NOT NULL,
    box_y       int         NOT NULL,
    box_w       int         NOT NULL,
    box_h       int         NOT NULL,
    area        bigint      NOT NULL CHECK (area > 0),
    clicks      int         NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX annot_submission_image ON annot_submission (run_id, base, category);
CREATE INDEX annot_submission_task ON annot_submission (task_id);
CREATE INDEX annot_submission_user ON annot_submission (user_id);

-- How an annotator did on a honeypot object: IoU of the submitted mask with the known one.
CREATE TABLE annot_honeypot_score (
    submission_id bigint      PRIMARY KEY REFERENCES annot_submission (id) ON DELETE CASCADE,
    user_id       bigint      NOT NULL REFERENCES annot_user (id),
    honeypot_id   bigint      NOT NULL REFERENCES annot_honeypot (id) ON DELETE CASCADE,
    iou           double precision NOT NULL CHECK (iou >= 0 AND iou <= 1)
);

-- Why a submission became an image's accepted mask: agreement of the k overlapping annotations
-- (min pairwise IoU) or a reviewer's choice. Insert-only; image_object holds the current one.
CREATE TABLE annot_decision (
    id            bigserial   PRIMARY KEY,
    run_id        bigint      NOT NULL,
    base          text        NOT NULL,
    category      text        NOT NULL,
    submission_id bigint      NOT NULL REFERENCES annot_submission (id),
    how           text        NOT NULL CHECK (how IN ('agreement', 'review')),
    agreement_iou double precision,
    decided_by    bigint      REFERENCES annot_user (id),
    created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX annot_decision_image ON annot_decision (run_id, base);
