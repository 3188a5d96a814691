-- Issue 6: contacts of every number, history, note, disposition, case data, callbacks, merge.
-- Written to apply whether or not the other features' migrations ran before it.

-- Contacts: free notes; "unknown" ones are created for numbers nobody knows, so that history and
-- notes have something to hang on; a manually assigned unknown contact points to the known one.
ALTER TABLE contacts ADD COLUMN IF NOT EXISTS notes text NOT NULL DEFAULT '';
ALTER TABLE contacts ADD COLUMN IF NOT EXISTS unknown boolean NOT NULL DEFAULT false;
ALTER TABLE contacts ADD COLUMN IF NOT EXISTS merged_into text REFERENCES contacts (id);
ALTER TABLE contacts ADD COLUMN IF NOT EXISTS updated_at bigint NOT NULL DEFAULT 0;
-- The configuration entry as last synced: agents' edits survive a restart with an unchanged file.
ALTER TABLE contacts ADD COLUMN IF NOT EXISTS config_entry jsonb;
CREATE INDEX IF NOT EXISTS contacts_by_name ON contacts (lower(name));

-- The contact an interaction belongs to (moves with a manual assignment).
ALTER TABLE interactions ADD COLUMN IF NOT EXISTS contact_id text REFERENCES contacts (id);
ALTER TABLE interactions ADD COLUMN IF NOT EXISTS note text NOT NULL DEFAULT '';
ALTER TABLE interactions ADD COLUMN IF NOT EXISTS disposition text;
ALTER TABLE interactions ADD COLUMN IF NOT EXISTS case_data jsonb NOT NULL DEFAULT '{}';
ALTER TABLE interactions ADD COLUMN IF NOT EXISTS merged_into text REFERENCES interactions (id);
ALTER TABLE interactions ADD COLUMN IF NOT EXISTS callback_id text;
CREATE INDEX IF NOT EXISTS interactions_by_contact ON interactions (contact_id, created_at DESC);

-- Entries merged in from another interaction keep where they came from.
ALTER TABLE transcript_entries ADD COLUMN IF NOT EXISTS source_interaction_id text;
ALTER TABLE activities ADD COLUMN IF NOT EXISTS merged_into text REFERENCES interactions (id);

-- Interactions stored before this migration: numbers nobody knew get an unknown contact.
INSERT INTO contacts (id, name, unknown)
SELECT DISTINCT 'unknown-' || substr(md5(i.customer_phone), 1, 20), '', true
FROM interactions i
WHERE NOT EXISTS (SELECT 1 FROM contact_phones p WHERE p.phone = i.customer_phone)
ON CONFLICT (id) DO NOTHING;
INSERT INTO contact_phones (phone, contact_id)
SELECT DISTINCT i.customer_phone, 'unknown-' || substr(md5(i.customer_phone), 1, 20)
FROM interactions i
WHERE NOT EXISTS (SELECT 1 FROM contact_phones p WHERE p.phone = i.customer_phone)
ON CONFLICT (phone) DO NOTHING;
UPDATE interactions i SET contact_id = p.contact_id
FROM contact_phones p WHERE p.phone = i.customer_phone AND i.contact_id IS NULL;

-- Callbacks an agent scheduled; the due time is also a stored deadline (kind callback.due).
CREATE TABLE IF NOT EXISTS callbacks (
  id text PRIMARY KEY,
  agent_id text NOT NULL REFERENCES agents (id),
  contact_id text REFERENCES contacts (id),
  phone text NOT NULL,
  centre_number text NOT NULL,
  queue text NOT NULL,
  note text NOT NULL,
  due_at bigint NOT NULL,
  time_zone text NOT NULL,
  source_interaction_id text REFERENCES interactions (id),
  -- scheduled → offered (an interaction was created) or cancelled
  state text NOT NULL CHECK (state IN ('scheduled', 'offered', 'cancelled')),
  interaction_id text REFERENCES interactions (id),
  created_at bigint NOT NULL,
  ended_at bigint
);
CREATE INDEX IF NOT EXISTS callbacks_scheduled_by_agent ON callbacks (agent_id, due_at) WHERE state = 'scheduled';

-- The order of a contact's numbers (the first is the one called by default).
ALTER TABLE contact_phones ADD COLUMN IF NOT EXISTS rank integer NOT NULL DEFAULT 0;
