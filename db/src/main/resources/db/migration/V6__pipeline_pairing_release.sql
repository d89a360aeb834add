-- Audio pairing and releases of the pipeline (issue 4).
--
-- pipeline_audio: for every instance <base>_<target> of an ANNOTATED image, the positive clip and
-- the three negatives (datasets.md, IS3+), with every random choice recorded so a release can state
-- where each clip came from. Inserts are idempotent on (run_id, audio_id).
CREATE TABLE pipeline_audio (
    run_id      bigint      NOT NULL,
    base        text        NOT NULL,
    audio_id    text        NOT NULL,     -- <instance> for the positive, <instance>_<kind> for a negative
    instance    text        NOT NULL,     -- <base>_<target>
    kind        text        NOT NULL CHECK (kind IN ('positive', 'silence', 'noise', 'offscreen')),
    category    text,                     -- the clip's category token (null for silence and noise)
    source      text        NOT NULL,     -- shapes | vggsound | import | silence | noise
    provenance  jsonb       NOT NULL,     -- e.g. {"ytid":…, "start":…} or {"seed":…, "level":…}
    path        text        NOT NULL,     -- WAV relative to the is3 home
    samples     int         NOT NULL,
    PRIMARY KEY (run_id, audio_id),
    FOREIGN KEY (run_id, base) REFERENCES pipeline_image (run_id, base) ON DELETE CASCADE
);

-- pair_queued_at: when an ANNOTATED image was last put on the pairing queue, so the poller that
-- feeds human-annotated images into pairing does not queue one image twice while it waits.
-- release: the release version an image went out in (state RELEASED).
ALTER TABLE pipeline_image
    ADD COLUMN pair_queued_at timestamptz,
    ADD COLUMN release       int;

CREATE TABLE pipeline_release (
    run_id      bigint      NOT NULL REFERENCES pipeline_run (id) ON DELETE CASCADE,
    version     int         NOT NULL CHECK (version > 0),
    path        text        NOT NULL,     -- where it was written (absolute)
    images      int         NOT NULL,
    instances   int         NOT NULL,
    manifest_sha256 text    NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, version)
);
