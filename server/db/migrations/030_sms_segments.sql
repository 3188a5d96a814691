-- Replies longer than one SMS (issue 5): how many SMS each reply was sent as, the parts handed to
-- the gateway, and what the simulator phone received part by part. Every column is nullable:
-- rows written before this migration read as one SMS.

-- Outbound transcript entries: the number of SMS ("sent as N messages").
ALTER TABLE transcript_entries ADD COLUMN IF NOT EXISTS segments integer;

-- The reply as segmented when it was accepted (GSM-7 or UCS-2, and the text of each part).
ALTER TABLE outbound_messages ADD COLUMN IF NOT EXISTS encoding text;
ALTER TABLE outbound_messages ADD COLUMN IF NOT EXISTS parts jsonb;

-- One row per SMS on the air. Concatenated parts carry the UDH reference shared by the parts of
-- one message, their number and count, and the header as hex; separate SMS only their position.
ALTER TABLE simulator_messages ADD COLUMN IF NOT EXISTS encoding text;
ALTER TABLE simulator_messages ADD COLUMN IF NOT EXISTS delivery text CHECK (delivery IN ('concatenated', 'separate'));
ALTER TABLE simulator_messages ADD COLUMN IF NOT EXISTS reference integer;
ALTER TABLE simulator_messages ADD COLUMN IF NOT EXISTS part integer;
ALTER TABLE simulator_messages ADD COLUMN IF NOT EXISTS parts integer;
ALTER TABLE simulator_messages ADD COLUMN IF NOT EXISTS udh text;

-- The last concatenation reference used towards each phone (0–255, as in the 8-bit UDH element).
CREATE TABLE IF NOT EXISTS simulator_references (
  phone text PRIMARY KEY,
  last_reference integer NOT NULL
);
