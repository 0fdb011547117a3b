-- Story timelines and conflicts, rewritten whole each time a story changes.
-- Events keep their sources' quotes and offsets; event_entities lets one
-- entity's timeline be read across stories.
CREATE TABLE timeline_events (
    id          INTEGER PRIMARY KEY,
    story       TEXT NOT NULL,
    pos         INTEGER NOT NULL,          -- order in the story's timeline
    date        TEXT NOT NULL,             -- TIMEX3 value: "2020-09-14", "2020-09", "2020-W37"
    end_date    TEXT,
    granularity TEXT NOT NULL,
    status      TEXT NOT NULL,             -- happened | planned | reported
    summary     TEXT NOT NULL,
    entities    TEXT NOT NULL DEFAULT '[]', -- JSON list of canonical names
    UNIQUE (story, pos)
);

CREATE TABLE timeline_sources (
    event       INTEGER NOT NULL REFERENCES timeline_events (id) ON DELETE CASCADE,
    pos         INTEGER NOT NULL,
    article     TEXT NOT NULL,
    quote       TEXT NOT NULL,             -- exactly article.text[quote_start:quote_start+len(quote)]
    quote_start INTEGER,
    PRIMARY KEY (event, pos)
) WITHOUT ROWID;
CREATE INDEX timeline_sources_article ON timeline_sources (article);

CREATE TABLE timeline_event_entities (
    event INTEGER NOT NULL REFERENCES timeline_events (id) ON DELETE CASCADE,
    name  TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (event, name)
) WITHOUT ROWID;
CREATE INDEX timeline_event_entities_name ON timeline_event_entities (name);

CREATE TABLE story_conflicts (
    id      INTEGER PRIMARY KEY,
    story   TEXT NOT NULL,
    pos     INTEGER NOT NULL,
    kind    TEXT NOT NULL,                 -- date | number | role | garbled_date | impossible_date
    summary TEXT NOT NULL,
    UNIQUE (story, pos)
);

CREATE TABLE conflict_claims (
    conflict    INTEGER NOT NULL REFERENCES story_conflicts (id) ON DELETE CASCADE,
    pos         INTEGER NOT NULL,
    article     TEXT NOT NULL,
    quote       TEXT NOT NULL,
    value       TEXT NOT NULL,
    quote_start INTEGER,
    PRIMARY KEY (conflict, pos)
) WITHOUT ROWID;
CREATE INDEX conflict_claims_article ON conflict_claims (article);
