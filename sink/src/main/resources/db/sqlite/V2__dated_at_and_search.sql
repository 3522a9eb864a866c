-- The time an article is listed under: published if the page says, else fetched. Fixed-width UTC
-- text (2024-05-01T09:30:00.000Z), so string order is time order for the API's since and cursor.
ALTER TABLE articles ADD COLUMN dated_at TEXT NOT NULL DEFAULT '';
UPDATE articles SET dated_at = strftime('%Y-%m-%dT%H:%M:%fZ', COALESCE(published_at, fetched_at));
CREATE INDEX articles_dated ON articles (dated_at DESC, id DESC);

-- Full-text search over title and text: an FTS5 index over the articles table (external
-- content, so the text is stored once), kept in step by triggers, English stemming as PostgreSQL.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content = 'articles', content_rowid = 'rowid', tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
