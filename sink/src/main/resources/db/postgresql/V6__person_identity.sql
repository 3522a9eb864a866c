-- A person's identity across articles beside the article's canonical name: entity_id
-- (person:donald-trump), which the person filter matches, and surname, the surname key of the
-- name (trump), through which a bare name finds the full-name entities it may mean. Both are
-- computed by the sink from core's PersonNames, the one reduction of a name; rows stored before
-- are filled in by the Java migration that follows (version 7), not here: the reduction (folding,
-- titles, initials, particles) is not expressible in SQL the same way on both databases.
ALTER TABLE article_persons ADD COLUMN entity_id TEXT;
ALTER TABLE article_persons ADD COLUMN surname TEXT;
CREATE INDEX article_persons_entity ON article_persons (entity_id);
CREATE INDEX article_persons_surname ON article_persons (surname, entity_id);
