-- Calls and emails an agent started from the panel (a number or address in the transcript, or
-- the contact menu). The contact's history lists them beside past interactions.
CREATE TABLE activities (
  id text PRIMARY KEY,
  interaction_id text NOT NULL REFERENCES interactions (id),
  agent_id text NOT NULL REFERENCES agents (id),
  -- the customer's number at the time, so history finds it even before the contact is known
  customer_phone text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('call', 'email')),
  -- the E.164 number called or the address written to
  target text NOT NULL,
  via text NOT NULL CHECK (via IN ('transcript', 'contact_menu')),
  at bigint NOT NULL
);
CREATE INDEX activities_by_interaction ON activities (interaction_id, at);
CREATE INDEX activities_by_customer ON activities (customer_phone, at);
