import * as v from 'valibot';
import { CaseDataKey, E164, InteractionMode, MAX_CASE_VALUE_LENGTH, MAX_MESSAGES_LIMIT, MAX_REPLY_LENGTH, Permission, ResponseLanguage, SHORTCUT_PATTERN } from '../../lib/protocol';
import { ConsentSection, NewSmsNumbers, NumberConsent, SendingHours } from './consent-schema';
import { DialerSection, EmailSection } from './targets';

// The administrator's configuration file, validated field by field. Objects are strict so that a
// misspelt key is reported instead of silently ignored.

const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const name = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(100));
const slug = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'lowercase letters, digits, ".", "_" or "-" (at most 64)'),
);

const EnvName = v.pipe(v.string(), v.regex(/^[A-Z_][A-Z0-9_]*$/, 'the name of an environment variable, such as TWILIO_AUTH_TOKEN'));
const HostName = v.pipe(
  v.string(),
  v.toLowerCase(),
  v.regex(/^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?)*$/, 'a host name such as texto.example.com (no scheme, port or path)'),
);
const WebOrigin = v.pipe(
  v.string(),
  v.check((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'an origin such as https://crm.example.com (scheme and host, a port if any, no path or trailing /)'),
);

export const PASSWORD_HASH_PATTERN = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=_-]+\$[A-Za-z0-9+/=_-]+$/;

const ServerSection = v.strictObject({
  host: v.optional(v.pipe(v.string(), v.minLength(1)), '127.0.0.1'),
  port: v.optional(int(0, 65535), 8787),
  /** A connection that sends nothing (not even a ping) for this long is dropped. */
  heartbeatTimeoutSeconds: v.optional(int(1, 3600), 60),
  /** Frames above this get `too_large` and the connection stays open. */
  maxFrameBytes: v.optional(int(1024, 1024 * 1024), 256 * 1024),
  /** An HTTP request not received whole within this is answered 408 (a drip, a short body). */
  requestTimeoutSeconds: v.optional(int(1, 3600), 30),
  /** Open TCP connections (HTTP and WebSocket) from one address; more are refused. */
  maxSocketsPerAddress: v.optional(int(1, 100_000), 256),
  /** A WebSocket that has not said hello within this is closed. */
  helloTimeoutSeconds: v.optional(int(1, 600), 10),
  /** A WebSocket whose unsent output passes this (it stopped reading) is closed. */
  maxSendBufferBytes: v.optional(int(64 * 1024, 1024 * 1024 * 1024), 8 * 1024 * 1024),
  /** Inbound gateway requests handled at once; past it they get 503 with Retry-After (carriers retry). */
  maxInboundInFlight: v.optional(int(1, 10_000), 32),
  /**
   * The names this server is reached by (its DNS name, the proxy's), beyond IP addresses and
   * localhost: a request whose Host header names anything else is refused (DNS rebinding).
   * Twilio gateways' publicUrl names are added by themselves.
   */
  hostNames: v.optional(v.array(HostName), []),
  /**
   * Web pages (`https://crm.example.com`) allowed to call the agent API across origins (CORS) and
   * to open the agent WebSocket. The extension needs none: it has its own host permission.
   */
  allowedOrigins: v.optional(v.array(WebOrigin), []),
});

const RoutingSection = v.strictObject({
  offerTimeoutSeconds: v.optional(int(1, 3600), 20),
  /** An agent who rejected or let an offer expire is not offered the same interaction again before this. */
  reofferAfterSeconds: v.optional(int(0, 3600), 30),
  /** A disconnected agent stays routable this long, so a quick reconnect keeps its offers. */
  presenceGraceSeconds: v.optional(int(0, 600), 15),
  /**
   * An agent with no connection for this long loses their assigned interactions: they go back to
   * the queue, offered to others (0: never). Signing out does it at once.
   */
  requeueAbsentAfterSeconds: v.optional(int(0, 24 * 3600), 120),
});

const EventsSection = v.strictObject({
  /** Acked events are kept at least this long for replay… */
  retentionHours: v.optional(int(1, 24 * 365), 24),
  /** …and at least this many per agent. */
  keepAtLeast: v.optional(int(0, 1_000_000), 1000),
});

const AuthSection = v.strictObject({
  tokenLifetimeDays: v.optional(int(1, 365), 30),
  /** Wrong passwords in a row (one username, one address) before sign-in makes that pair wait… */
  freeSignInAttempts: v.optional(int(1, 100), 5),
  /** …this long, doubling with each further wrong password… */
  signInLockSeconds: v.optional(int(1, 3600), 30),
  /** …up to this. */
  maxSignInLockSeconds: v.optional(int(1, 24 * 3600), 900),
  /**
   * Wrong passwords a minute from one address, all usernames together (a password spray); past
   * it that address gets 429 until the budget refills. Behind a reverse proxy every agent shares
   * the proxy's address: raise it.
   */
  wrongPasswordsPerAddressPerMinute: v.optional(int(1, 100_000), 30),
});

const SimulatorSection = v.strictObject({
  /** The built-in phone simulator and its gateway API (`/simulator`, `/api/simulator/*`): off unless turned on. */
  enabled: v.optional(v.boolean(), false),
  /**
   * The environment variable holding the simulator's own token (at least 16 characters): with
   * it, the simulator API answers only `Authorization: Bearer <token>`. Required to listen
   * beyond loopback with the simulator on.
   */
  tokenEnv: v.optional(EnvName),
  /**
   * How the simulator gateway sends a reply longer than one SMS: `concatenated` (one multipart
   * message, parts joined on the phone by their UDH reference) or `separate` (plain SMS, as a
   * gateway without concatenation support does).
   */
  multipart: v.optional(v.picklist(['concatenated', 'separate']), 'concatenated'),
});

/**
 * A carrier account (docs/gateways.md). Secrets are never in the file: `authTokenEnv` names the
 * environment variable that holds Twilio's auth token, read at start.
 */
const TwilioGateway = v.strictObject({
  id: slug,
  kind: v.literal('twilio'),
  accountSid: v.pipe(v.string(), v.regex(/^AC[0-9a-fA-F]{32}$/, 'a Twilio Account SID: AC followed by 32 hexadecimal digits')),
  authTokenEnv: EnvName,
  /**
   * Where Twilio reaches this server (the proxy's address): the webhook is
   * `<publicUrl>/api/gateways/<id>/sms`, status callbacks `<publicUrl>/api/gateways/<id>/status`.
   * Signatures are computed over these URLs.
   */
  publicUrl: v.pipe(v.string(), v.url('an https:// address such as https://texto.example.com'), v.regex(/^https?:\/\//, 'an http(s) address')),
  /** The REST API's base (tests point it at a fake Twilio). */
  apiBaseUrl: v.optional(v.pipe(v.string(), v.url(), v.regex(/^https?:\/\//, 'an http(s) address')), 'https://api.twilio.com'),
  /** REST requests and media downloads give up after this long. */
  requestTimeoutSeconds: v.optional(int(1, 120), 15),
  /** Redirects followed when fetching a media file (Twilio's media URLs redirect to storage). */
  mediaMaxRedirects: v.optional(int(0, 10), 3),
  /** First wait before retrying a 429 / 5xx / unreachable API, doubled each time up to 5 minutes. */
  retryFirstDelayMs: v.optional(int(10, 60_000), 1000),
});
export const GatewayConfig = v.variant('kind', [TwilioGateway]);
export type GatewayConfig = v.InferOutput<typeof GatewayConfig>;

const ComposeSection = v.strictObject({
  /** Longest reply, in SMS (the panel disables Send past it, the server refuses it). */
  maxMessages: v.optional(int(1, MAX_MESSAGES_LIMIT), 10),
  /** Ask the agent "send anyway?" before sending a reply with misspelled words. */
  spellingWarning: v.optional(v.boolean(), false),
  /** Spelling language for agents who have not picked one (default: the panel's UI language). */
  spellingLanguage: v.optional(ResponseLanguage),
});

const StandardResponseEntry = v.strictObject({
  /** Stable identifier; defaults to its position, e.g. "2.1". */
  id: v.optional(slug),
  name,
  language: ResponseLanguage,
  shortcut: v.optional(v.pipe(v.string(), v.regex(SHORTCUT_PATTERN, 'a keyword such as "#hours": # then letters, digits, _ or - (at most 31)'))),
  text: v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(MAX_REPLY_LENGTH)),
});

const StandardResponseCategory = v.strictObject({
  category: name,
  responses: v.pipe(v.array(StandardResponseEntry), v.minLength(1, 'a category needs at least one response')),
});

const MediaSection = v.strictObject({
  /** Largest MMS file accepted, in bytes (5 MB by default). */
  maxBytes: v.optional(int(1024, 100 * 1024 * 1024), 5 * 1024 * 1024),
  /** Files kept per message; the others are refused with a line in the transcript. */
  maxFiles: v.optional(int(1, 50), 10),
  /** Largest width × height, checked before decoding (decompression bombs). */
  maxPixels: v.optional(int(1, 200_000_000), 40_000_000),
  /**
   * Signs the short-lived media links (at least 32 characters; `npx tsx -e "…newMediaSecret()"`).
   * Absent: a random one per start, so links issued before a restart die early (the panel asks again).
   */
  urlSecret: v.optional(v.pipe(v.string(), v.minLength(32, 'must be at least 32 characters'))),
});

/** Case data attached to interactions (a number's configuration, a gateway's fields). */
const CaseDataValues = v.pipe(
  v.record(CaseDataKey, v.pipe(v.string(), v.maxLength(MAX_CASE_VALUE_LENGTH))),
  v.check((record) => Object.keys(record).length <= 50, 'at most 50 case-data keys'),
);
const Label = v.strictObject({ en: name, fr: name });

const Disposition = v.strictObject({
  code: slug,
  label: Label,
  /** Offered only on interactions of these queues (default: all). */
  queues: v.optional(v.array(slug)),
});

const DispositionsSection = v.strictObject({
  /** true: a disposition is mandatory before Mark Done (and a page-mode reply) everywhere… */
  required: v.optional(v.boolean(), false),
  /** …or only on interactions of these queues. */
  requiredQueues: v.optional(v.array(slug), []),
  codes: v.optional(v.array(Disposition), []),
});

const CaseDataSection = v.strictObject({
  /** Keys agents may change; every other key is read-only. */
  editable: v.optional(v.array(CaseDataKey), []),
  /** How keys are shown (default: the key itself). */
  labels: v.optional(v.record(CaseDataKey, Label), {}),
});

const Queue = v.strictObject({
  name: slug,
  description: v.optional(v.string()),
  /** Session mode: silence after which the session ends, for numbers of this queue that set none. */
  sessionInactivitySeconds: v.optional(int(1, 7 * 24 * 3600)),
});

/** What session mode uses when neither the number nor its queue sets an inactivity time. */
export const DEFAULT_SESSION_INACTIVITY_SECONDS = 600;

const Agent = v.strictObject({
  /** Stable identifier; defaults to the username. */
  id: v.optional(slug),
  username: slug,
  name,
  passwordHash: v.pipe(
    v.string(),
    v.regex(PASSWORD_HASH_PATTERN, 'must be a scrypt hash "scrypt$N$r$p$salt$hash" (npm run hash-password)'),
  ),
  capacity: v.optional(int(1, 50), 3),
  queues: v.pipe(v.array(slug), v.minLength(1, 'an agent needs at least one queue')),
  /** What the agent may do beyond handling interactions (see lib/protocol/settings.ts). */
  permissions: v.optional(v.array(Permission), []),
  /** Internal phone number, dialled for a voice consultation from Team Communicator. */
  extension: v.optional(v.pipe(v.string(), v.regex(/^\+?[0-9*#]{1,20}$/, 'digits, "*", "#" (and a leading "+"), at most 20'))),
  /** Contact-centre numbers this agent may start a conversation from (New SMS); absent: none. */
  newSmsNumbers: v.optional(NewSmsNumbers),
});

const CentreNumber = v.strictObject({
  number: E164,
  mode: InteractionMode,
  queue: slug,
  region: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'a two-letter region code such as FR')), 'FR'),
  /**
   * Session mode: the session ends after this much silence (no SMS either way). Absent: the
   * queue's value, else 600. Seconds, so that a test configuration can use a few.
   */
  sessionInactivitySeconds: v.optional(int(1, 7 * 24 * 3600)),
  /** Attached to every interaction on this number (language, campaign, segment…). */
  caseData: v.optional(CaseDataValues, {}),
  /** The carrier of this number: `simulator` (built in, the default) or the id of one of `gateways`. */
  gateway: v.optional(v.pipe(v.string(), v.maxLength(40)), 'simulator'),
  /** STOP / START / HELP keywords and their automatic answers (docs/consent.md). */
  consent: v.optional(NumberConsent),
  /** When agents may start conversations from this number (default Monday–Saturday 08:00–20:00, Europe/Paris). */
  sendingHours: v.optional(SendingHours),
});

const Contact = v.strictObject({
  id: slug,
  name,
  phones: v.optional(v.array(E164), []),
  emails: v.optional(v.array(v.pipe(v.string(), v.email('an email address such as name@example.com'))), []),
  notes: v.optional(v.pipe(v.string(), v.maxLength(5000)), ''),
});

export const TextoConfig = v.strictObject({
  server: v.optional(ServerSection, {}),
  routing: v.optional(RoutingSection, {}),
  events: v.optional(EventsSection, {}),
  auth: v.optional(AuthSection, {}),
  simulator: v.optional(SimulatorSection, {}),
  media: v.optional(MediaSection, {}),
  gateways: v.optional(v.array(GatewayConfig), []),
  queues: v.pipe(v.array(Queue), v.minLength(1, 'at least one queue is needed')),
  agents: v.array(Agent),
  numbers: v.pipe(v.array(CentreNumber), v.minLength(1, 'at least one contact-centre number is needed')),
  contacts: v.optional(v.array(Contact), []),
  compose: v.optional(ComposeSection, {}),
  dispositions: v.optional(DispositionsSection, {}),
  caseData: v.optional(CaseDataSection, {}),
  standardResponses: v.optional(v.array(StandardResponseCategory), []),
  /** Click-to-dial: tel (default), sip, sip:<domain>, callto, or an https template with {number}. */
  dialer: v.optional(DialerSection),
  /** Click-to-email: mailto (default) or an https compose template with {email}. */
  email: v.optional(EmailSection),
  /** Whether an opt-out holds for one number or the whole centre (docs/consent.md). */
  consent: v.optional(ConsentSection),
});

export type TextoConfig = v.InferOutput<typeof TextoConfig>;
export type AgentConfig = TextoConfig['agents'][number];
export type CentreNumberConfig = TextoConfig['numbers'][number];
export type CaseDataValues = v.InferOutput<typeof CaseDataValues>;
export { CaseDataValues };
