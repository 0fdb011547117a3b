-- Stories, their members and merges, the clustering index and the copy-detection index.
-- Story centroids are sparse term weights (story_terms), compared by cosine against
-- each new article; term_df holds document frequencies, updated one article at a time.
CREATE TABLE stories (
    id              TEXT PRIMARY KEY,        -- derived from the first article's id
    seq             INTEGER NOT NULL UNIQUE, -- opening order
    first_article   TEXT NOT NULL,
    title           TEXT NOT NULL DEFAULT '',
    keywords        TEXT NOT NULL DEFAULT '[]',
    outlets         TEXT NOT NULL DEFAULT '[]',
    first_seen      TEXT,
    last_updated    TEXT,
    first_ts        REAL,                    -- UTC epoch seconds, for ageing
    last_ts         REAL,
    article_count   INTEGER NOT NULL DEFAULT 0,
    canonical_count INTEGER NOT NULL DEFAULT 0,
    size            INTEGER NOT NULL DEFAULT 0, -- articles summed into the centroid
    norms           TEXT NOT NULL DEFAULT '{}', -- squared centroid norm per term namespace
    merged_into     TEXT                     -- set when merged away; see story_merges
);
CREATE INDEX stories_live ON stories (merged_into, seq);

CREATE TABLE story_terms (
    story  TEXT NOT NULL,
    term   TEXT NOT NULL,
    weight REAL NOT NULL,
    PRIMARY KEY (story, term)
) WITHOUT ROWID;
CREATE INDEX story_terms_postings ON story_terms (term, weight DESC);

CREATE TABLE story_members (
    article   TEXT PRIMARY KEY,
    story     TEXT NOT NULL,           -- current story (after merges)
    joined    TEXT NOT NULL,           -- the story the article first joined or opened
    pos       INTEGER NOT NULL UNIQUE, -- processing order
    canonical TEXT,                    -- set for copies: the article they copy
    score     REAL,                    -- similarity that made it join; NULL when it opened the story
    outlet    TEXT,
    title     TEXT,
    published TEXT,
    ts        REAL,
    vector    TEXT NOT NULL DEFAULT '{}' -- the article's weighted terms, for centrality
);
CREATE INDEX story_members_by_story ON story_members (story, pos);

CREATE TABLE story_merges (
    old     TEXT PRIMARY KEY,          -- the story id that no longer exists
    new     TEXT NOT NULL,             -- the story it was merged into
    article TEXT NOT NULL,             -- the article that joined them
    score   REAL NOT NULL,             -- centroid similarity at the merge
    pos     INTEGER NOT NULL
);
CREATE INDEX story_merges_by_new ON story_merges (new);

CREATE TABLE term_df (
    term TEXT PRIMARY KEY,
    df   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE story_counters (
    name  TEXT PRIMARY KEY,            -- docs, stories, pos
    value INTEGER NOT NULL
);

CREATE TABLE copy_signatures (
    article   TEXT PRIMARY KEY,
    canonical TEXT NOT NULL,           -- itself when it is an original
    text_hash TEXT NOT NULL,
    shingles  INTEGER NOT NULL,        -- number of distinct shingles, for containment
    signature BLOB NOT NULL            -- MinHash values, little-endian uint32
);
CREATE INDEX copy_signatures_by_hash ON copy_signatures (text_hash);

CREATE TABLE copy_bands (
    band    INTEGER NOT NULL,
    key     INTEGER NOT NULL,
    article TEXT NOT NULL,
    PRIMARY KEY (band, key, article)
) WITHOUT ROWID;
