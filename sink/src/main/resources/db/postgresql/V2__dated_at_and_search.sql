-- The time an article is listed under: published if the page says, else fetched; the API's
-- since filter and cursor use it. (The full-text index articles_fts exists since V1.)
ALTER TABLE articles ADD COLUMN dated_at TIMESTAMPTZ;
UPDATE articles SET dated_at = COALESCE(published_at, fetched_at);
ALTER TABLE articles ALTER COLUMN dated_at SET NOT NULL;
CREATE INDEX articles_dated ON articles (dated_at DESC, id DESC);
