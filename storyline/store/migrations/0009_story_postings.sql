-- Candidate lookup's postings move out of story_terms into a table of their own, ordered by a
-- weight band instead of the weight. The index on story_terms (term, weight) moved an entry for
-- every term of every article that joined a story (~95), each in a different page of an index
-- as large as the archive: at 100k stored articles that was most of an assignment's writes and of
-- their growth with the archive (bench.stories, thread CPU per article: 11.4 ms at 1k and 14.8 ms
-- at 100k with it, 8.9 and 10.5 ms with postings that never move). A posting now moves only when
-- its story's weight for the term leaves its band (storyline.store.stories.posting_rank), and
-- keeps the weight it had then: lists are read heaviest band first.
CREATE TABLE story_postings (
    term   TEXT NOT NULL,
    rank   INTEGER NOT NULL,  -- posting_rank(the story's weight for the term), kept in step
    story  TEXT NOT NULL,
    weight REAL NOT NULL,     -- that weight when the band was last set (at most one band below it)
    PRIMARY KEY (term, rank, story)
) WITHOUT ROWID;
INSERT INTO story_postings (term, rank, story, weight)
    SELECT term, storyline_posting_rank(weight), story, weight FROM story_terms
    WHERE substr(term, 1, 2) IN ('e:', 'n:', 'w:');
DROP INDEX story_terms_postings;
