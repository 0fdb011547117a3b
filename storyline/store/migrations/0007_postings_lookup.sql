-- The postings index holds only the namespaces that candidate lookup reads
-- (storyline.store.stories.POSTED_NAMESPACES: words, entities, numbers). Title words and years
-- are compared with a story's centroid but never looked up, yet each article's new weights for
-- them moved entries of this index: about a fifth of its writes, for nothing.
DROP INDEX story_terms_postings;
CREATE INDEX story_terms_postings ON story_terms (term, weight DESC)
    WHERE substr(term, 1, 2) IN ('e:', 'n:', 'w:');
