-- Every edit of an article, as published on newsflow.revisions: one row per (article, new
-- version), so a redelivered revision is stored once. Both versions are kept as a reader saw them
-- (title, byline, dates, paragraphs), with the field-level diff between them. No foreign key to
-- articles: a revision may be stored before its article's new version.
CREATE TABLE article_revisions (
    article_id   TEXT NOT NULL,
    new_version  INTEGER NOT NULL,
    old_version  INTEGER NOT NULL,
    url          TEXT NOT NULL,
    source       TEXT NOT NULL,
    detected_at  TIMESTAMPTZ NOT NULL,
    fields       JSONB NOT NULL,
    old_snapshot JSONB NOT NULL,
    new_snapshot JSONB NOT NULL,
    changes      JSONB NOT NULL,
    stored_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (article_id, new_version)
);
CREATE INDEX article_revisions_detected ON article_revisions (detected_at DESC);
