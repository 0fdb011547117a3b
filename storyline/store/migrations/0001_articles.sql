-- Articles with their per-article annotations, and the global entity table.
-- JSON columns hold lists of models (see storyline/store/codec.py).
CREATE TABLE articles (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,  -- ingest order
    id             TEXT NOT NULL UNIQUE,               -- derived from content
    origin_path    TEXT NOT NULL,
    origin_item    TEXT,
    url            TEXT,
    outlet         TEXT,
    title          TEXT,
    author         TEXT,
    published      TEXT,                               -- ISO-8601 as stated or inferred
    published_utc  TEXT,                               -- sortable key: UTC instant or day
    published_from TEXT CHECK (published_from IN ('metadata', 'text', 'inferred')),
    language       TEXT,
    partial        INTEGER NOT NULL DEFAULT 0,
    text           TEXT NOT NULL,
    removed        TEXT NOT NULL DEFAULT '[]',
    metadata       TEXT NOT NULL DEFAULT '{}',
    sentences      TEXT NOT NULL DEFAULT '[]',
    entities       TEXT NOT NULL DEFAULT '[]',
    timexes        TEXT NOT NULL DEFAULT '[]',
    events         TEXT NOT NULL DEFAULT '[]',
    duplicate_of   TEXT,
    story          TEXT,
    ingested_at    TEXT NOT NULL
);
CREATE INDEX articles_by_published ON articles (published_utc, seq);
CREATE INDEX articles_by_story ON articles (story);
CREATE INDEX articles_by_url ON articles (url);

CREATE TABLE entities (
    id       TEXT PRIMARY KEY,
    key      TEXT NOT NULL UNIQUE,   -- storyline.annotate.entity_key
    name     TEXT NOT NULL,
    type     TEXT NOT NULL,
    aliases  TEXT NOT NULL DEFAULT '[]',
    roles    TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX entities_by_name ON entities (name COLLATE NOCASE);

CREATE TABLE article_entities (
    article_id TEXT NOT NULL REFERENCES articles (id),
    entity_id  TEXT NOT NULL REFERENCES entities (id),
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX article_entities_by_entity ON article_entities (entity_id);
