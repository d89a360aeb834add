-- The accepted objects of a pipeline image (issue 4 human stages, issue 5 annotator): one row per
-- (image, category) holding the mask that export puts into the release. It is written either by the
-- pipeline's --auto-annotate (the generator's exact mask, source 'auto') or by the annotator when
-- an object's annotation is accepted (source 'annotator', annotation_ref naming the accepted
-- submission in the annotator's own tables). An image moves to ANNOTATED once both of its
-- categories have a row here. Rows are replaced only by a newer accepted annotation; the
-- annotator keeps every submitted version itself.
--
-- Verification is recorded on the image itself: who approved or rejected it, when, and why.

CREATE TABLE image_object (
    run_id          bigint      NOT NULL,
    base            text        NOT NULL,
    category        text        NOT NULL,      -- the category token (c1 or c2 of the image)
    width           int         NOT NULL CHECK (width > 0),
    height          int         NOT NULL CHECK (height > 0),
    mask_rle        text        NOT NULL,      -- COCO RLE counts string (pycocotools form), column-major
    box_x           int         NOT NULL,      -- tight box of the mask, pixels, COCO [x, y, w, h]
    box_y           int         NOT NULL,
    box_w           int         NOT NULL,
    box_h           int         NOT NULL,
    area            bigint      NOT NULL,
    source          text        NOT NULL CHECK (source IN ('auto', 'annotator', 'import')),
    annotation_ref  bigint,                    -- the annotator's accepted submission, when source = 'annotator'
    accepted_by     text,                      -- user name, or 'auto' / 'import'
    accepted_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, base, category),
    FOREIGN KEY (run_id, base) REFERENCES pipeline_image (run_id, base) ON DELETE CASCADE
);

ALTER TABLE pipeline_image
    ADD COLUMN verified_by   text,
    ADD COLUMN verified_at   timestamptz,
    ADD COLUMN reject_reason text,
    ADD COLUMN auto_annotated boolean NOT NULL DEFAULT false;
