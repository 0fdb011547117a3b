-- Document-frequency increments not yet folded into term_df: one row per counted article
-- (its distinct terms, newline-separated), appended in the transaction that counts it.
-- Appending one row dirties a page or two where updating term_df dirtied one page per term
-- (most of the table for a long article); the rows are summed into term_df every few hundred
-- articles (storyline.store.stories.FOLD_ARTICLES) and deleted in the same transaction.
CREATE TABLE term_df_log (
    id    INTEGER PRIMARY KEY,
    terms TEXT NOT NULL
);
