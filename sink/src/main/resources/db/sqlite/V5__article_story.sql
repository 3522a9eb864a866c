-- Stories: the id of the first article of an article's near-duplicate cluster (syndicated copies
-- share it) and, for a copy, its estimated overlap with that first article. NULL in rows stored
-- before stories: such an article is its own story.
ALTER TABLE articles ADD COLUMN story_id TEXT;
ALTER TABLE articles ADD COLUMN story_overlap REAL;
CREATE INDEX articles_story ON articles (story_id);
