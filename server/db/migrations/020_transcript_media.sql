-- MMS images in transcripts (issue 4). A message keeps its images' ids and sizes (the bytes are in
-- the media store, by SHA-256); `transcript_media` answers "may this agent see this file?" fast.
ALTER TABLE transcript_entries ADD COLUMN IF NOT EXISTS media jsonb;

CREATE TABLE IF NOT EXISTS transcript_media (
  interaction_id text NOT NULL REFERENCES interactions (id),
  media_id text NOT NULL,
  entry_id text NOT NULL,
  PRIMARY KEY (interaction_id, media_id, entry_id)
);
