-- A reply that did not reach the customer after its interaction left the agent's desk (a page-mode
-- interaction closes on its reply): 'open' while the agent is alerted (through a Resend until it is
-- delivered), 'dismissed' once put away. NULL: no alert (the interaction was on the desk, so the
-- transcript itself showed the failure).
ALTER TABLE transcript_entries ADD COLUMN IF NOT EXISTS undelivered_alert text
  CHECK (undelivered_alert IN ('open', 'dismissed'));
CREATE INDEX IF NOT EXISTS transcript_entries_undelivered_open ON transcript_entries (interaction_id) WHERE undelivered_alert = 'open';
