-- What each stored command said (a SHA-256 of its body), so that an id reused with another body
-- is answered `conflict` instead of getting the first command's answer. Rows written before this
-- have none and keep answering as before.
ALTER TABLE agent_commands ADD COLUMN fingerprint text;
