-- Articles: one row per article id, holding its latest version.
CREATE TABLE articles (
    id             TEXT PRIMARY KEY,
    url            TEXT NOT NULL,
    source         TEXT NOT NULL,
    title          TEXT NOT NULL,
    authors        TEXT NOT NULL,
    published_at   TEXT,
    modified_at    TEXT,
    section        TEXT,
    lead           TEXT,
    language       TEXT,
    image          TEXT,
    text           TEXT NOT NULL,
    word_count     INTEGER NOT NULL,
    content_sha256 TEXT NOT NULL,
    version        INTEGER NOT NULL,
    fetched_at     TEXT NOT NULL,
    stored_at      TEXT NOT NULL,
    extractor_version TEXT NOT NULL,
    tagger_version TEXT NOT NULL
);
CREATE INDEX articles_published_at ON articles (published_at);
CREATE TABLE article_countries (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    code       TEXT NOT NULL,
    name       TEXT NOT NULL,
    mentions   INTEGER NOT NULL,
    spans      TEXT NOT NULL,
    PRIMARY KEY (article_id, code)
);
CREATE INDEX article_countries_code ON article_countries (code);
CREATE TABLE article_persons (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    mentions   INTEGER NOT NULL,
    spans      TEXT NOT NULL,
    PRIMARY KEY (article_id, name)
);
CREATE INDEX article_persons_name ON article_persons (name);
