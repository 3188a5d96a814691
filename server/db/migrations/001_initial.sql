-- Texto server schema, version 1. Times are epoch milliseconds (bigint) to match the wire.

CREATE TABLE queues (
  name text PRIMARY KEY,
  description text
);

CREATE TABLE agents (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  name text NOT NULL,
  password_hash text NOT NULL,
  capacity integer NOT NULL,
  status text NOT NULL DEFAULT 'not_ready' CHECK (status IN ('ready', 'not_ready')),
  -- false once the agent is removed from the configuration (rows stay: history refers to them)
  active boolean NOT NULL DEFAULT true,
  -- newest event seq allocated to this agent, and the newest the agent acknowledged
  last_seq bigint NOT NULL DEFAULT 0,
  acked_seq bigint NOT NULL DEFAULT 0,
  -- for fairness: the agent waiting longest since its last offer is offered first
  last_offered_at bigint NOT NULL DEFAULT 0
);

CREATE TABLE agent_queues (
  agent_id text NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
  queue text NOT NULL,
  PRIMARY KEY (agent_id, queue)
);

CREATE TABLE centre_numbers (
  number text PRIMARY KEY,
  mode text NOT NULL CHECK (mode IN ('page', 'session')),
  queue text NOT NULL,
  region text NOT NULL,
  session_inactivity_seconds integer NOT NULL
);

CREATE TABLE contacts (
  id text PRIMARY KEY,
  name text NOT NULL,
  emails jsonb NOT NULL DEFAULT '[]'
);

CREATE TABLE contact_phones (
  phone text PRIMARY KEY,
  contact_id text NOT NULL REFERENCES contacts (id) ON DELETE CASCADE
);

CREATE TABLE interactions (
  id text PRIMARY KEY,
  mode text NOT NULL,
  channel text NOT NULL,
  customer_phone text NOT NULL,
  centre_number text NOT NULL,
  queue text NOT NULL,
  -- waiting: nobody has it; offered: one pending offer; assigned: an agent handles it
  state text NOT NULL CHECK (state IN ('waiting', 'offered', 'assigned', 'closed')),
  agent_id text REFERENCES agents (id),
  created_at bigint NOT NULL,
  accepted_at bigint,
  closed_at bigint,
  close_reason text
);
CREATE INDEX interactions_open_by_customer ON interactions (customer_phone, centre_number) WHERE state <> 'closed';
CREATE INDEX interactions_waiting ON interactions (created_at) WHERE state = 'waiting';
CREATE INDEX interactions_assigned ON interactions (agent_id) WHERE state = 'assigned';

CREATE TABLE transcript_entries (
  id text PRIMARY KEY,
  interaction_id text NOT NULL REFERENCES interactions (id),
  position bigserial NOT NULL,
  at bigint NOT NULL,
  kind text NOT NULL CHECK (kind IN ('message', 'system')),
  direction text CHECK (direction IN ('in', 'out')),
  author jsonb,
  text text,
  code text,
  params jsonb
);
CREATE INDEX transcript_entries_by_interaction ON transcript_entries (interaction_id, position);

CREATE TABLE offers (
  id text PRIMARY KEY,
  interaction_id text NOT NULL REFERENCES interactions (id),
  agent_id text NOT NULL REFERENCES agents (id),
  offered_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'accepted', 'rejected', 'timeout', 'withdrawn')),
  ended_at bigint
);
-- an interaction is offered to one agent at a time
CREATE UNIQUE INDEX offers_one_pending ON offers (interaction_id) WHERE state = 'pending';
CREATE INDEX offers_pending_by_agent ON offers (agent_id) WHERE state = 'pending';
CREATE INDEX offers_by_interaction ON offers (interaction_id, agent_id);

CREATE TABLE agent_events (
  agent_id text NOT NULL REFERENCES agents (id),
  seq bigint NOT NULL,
  at bigint NOT NULL,
  event jsonb NOT NULL,
  PRIMARY KEY (agent_id, seq)
);

CREATE TABLE agent_commands (
  agent_id text NOT NULL REFERENCES agents (id),
  command_id text NOT NULL,
  response jsonb NOT NULL,
  at bigint NOT NULL,
  PRIMARY KEY (agent_id, command_id)
);
CREATE INDEX agent_commands_by_age ON agent_commands (at);

CREATE TABLE auth_tokens (
  token_hash text PRIMARY KEY,
  agent_id text NOT NULL REFERENCES agents (id),
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX auth_tokens_by_agent ON auth_tokens (agent_id);

-- Generic stored deadlines (offer expiry, retries, housekeeping…), one timer for all of them.
CREATE TABLE deadlines (
  kind text NOT NULL,
  key text NOT NULL,
  due_at bigint NOT NULL,
  PRIMARY KEY (kind, key)
);
CREATE INDEX deadlines_by_due ON deadlines (due_at);

CREATE TABLE channels (
  channel text PRIMARY KEY,
  available boolean NOT NULL
);
INSERT INTO channels (channel, available) VALUES ('sms', true), ('mms', true), ('im', true);

-- Replies waiting to be handed to the carrier gateway (written with the transcript entry).
CREATE TABLE outbound_messages (
  id text PRIMARY KEY,
  interaction_id text NOT NULL REFERENCES interactions (id),
  from_number text NOT NULL,
  to_number text NOT NULL,
  text text NOT NULL,
  created_at bigint NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'sent')),
  attempts integer NOT NULL DEFAULT 0,
  sent_at bigint,
  last_error text
);
CREATE INDEX outbound_messages_pending ON outbound_messages (created_at) WHERE state = 'pending';

-- What went through the built-in phone simulator, both ways.
CREATE TABLE simulator_messages (
  id text PRIMARY KEY,
  from_number text NOT NULL,
  to_number text NOT NULL,
  text text NOT NULL,
  at bigint NOT NULL,
  position bigserial NOT NULL
);
CREATE INDEX simulator_messages_to ON simulator_messages (to_number, position);
CREATE INDEX simulator_messages_from ON simulator_messages (from_number, position);
