-- Optional dense embeddings for story clustering (storyline.stories.embeddings): each article's
-- unit vector of its title and lede, and each live story's sum of its members' vectors.
-- Vectors are float32, little-endian. Absent when embeddings are off; clustering then ignores them.
CREATE TABLE article_embeddings (
    article TEXT PRIMARY KEY,
    vector  BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE story_embeddings (
    story  TEXT PRIMARY KEY,
    vector BLOB NOT NULL
) WITHOUT ROWID;
