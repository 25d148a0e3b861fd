-- An article's main image: its metadata as JSON ({url, width, height, alt, caption?, credit?, focalPoint?}), checked
-- by the service on write. The bytes live on an image server; renditions are computed on read from configuration.
ALTER TABLE article ADD COLUMN main_image jsonb;
