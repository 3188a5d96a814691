import { matchConsentKeyword, type ConsentMatch } from '../../lib/consent/keywords';
import type { MessageEntry, TranscriptEntry } from '../../lib/protocol';
import { segmentSms } from '../../lib/sms/segments';
import { queueOutbound } from '../delivery/queue';
import { announceEntry } from '../domain/announce';
import { appendMessage } from '../domain/interactions';
import { appendSystemEntry } from '../domain/system-entries';
import type { Work } from '../domain/work';
import { pendingOfferOf, refreshOffer } from '../routing/offers';
import { numberConsent } from './settings';
import { announceConsent, changeConsent, isOptedOut } from './state';

/** What a customer's text means for consent, decided before it is routed. */
export interface ConsentReading {
  match: ConsentMatch | undefined;
  /**
   * An opt-out or opt-in keyword that is handled without an agent: a text that starts no
   * conversation of its own (its interaction is closed at once, kept in the history).
   */
  automatic: boolean;
}

/** Reads a customer's text against the number's keywords (YES / START count only from someone who opted out). */
export async function readConsentKeyword(work: Work, sms: { from: string; to: string; text: string }): Promise<ConsentReading> {
  const match = matchConsentKeyword(sms.text, numberConsent(work.ctx.config, sms.to).keywords);
  if (match?.kind === 'opt_out') return { match, automatic: true };
  if (match?.kind === 'opt_in') {
    return (await isOptedOut(work.tx, sms.from, sms.to)) ? { match, automatic: true } : { match: undefined, automatic: false };
  }
  return { match, automatic: false };
}

/** Shows a new entry to whoever has the interaction: its owner, or the agent it is offered to. */
async function showEntry(work: Work, interactionId: string, entry: TranscriptEntry): Promise<void> {
  const [row] = await work.tx.query<{ state: string; agent_id: string | null }>('SELECT state, agent_id FROM interactions WHERE id = $1', [interactionId]);
  if (row?.state === 'assigned' && row.agent_id) return announceEntry(work, interactionId, row.agent_id, entry);
  const offer = await pendingOfferOf(work, interactionId);
  if (offer) await refreshOffer(work, offer);
}

/** The automatic answer: in the transcript (written by Texto, not an agent) and queued for the carrier. */
async function sendAutomaticAnswer(work: Work, interactionId: string, sms: { from: string; to: string }, text: string): Promise<MessageEntry> {
  const parts = segmentSms(text).segments.length;
  const entry = await appendMessage(work, interactionId, {
    direction: 'out',
    author: { role: 'system' },
    text,
    segments: parts,
    delivery: { state: 'queued', ...(parts > 1 ? { delivered: 0, parts } : {}) },
  });
  await queueOutbound(work, { entryId: entry.id, interactionId, from: sms.to, to: sms.from, text, attempt: 1 });
  await showEntry(work, interactionId, entry);
  return entry;
}

/**
 * Acts on a keyword once the customer's text is stored and shown: an opt-out or opt-in changes
 * the consent (audit row, system line) and is confirmed once; HELP gets the help text; a text
 * that only looks like an opt-out marks the interaction so the agent is asked.
 */
export async function actOnConsentKeyword(work: Work, interactionId: string, message: MessageEntry, sms: { from: string; to: string }, reading: ConsentReading): Promise<void> {
  const { match } = reading;
  if (!match) return;
  const { answers } = numberConsent(work.ctx.config, sms.to);
  if (match.kind === 'opt_out' || match.kind === 'opt_in') {
    const optedOut = match.kind === 'opt_out';
    const line = await changeConsent(work, { phone: sms.from, centreNumber: sms.to, optedOut, via: 'keyword', keyword: match.keyword, interactionId });
    // A second STOP changes nothing and is not confirmed again.
    if (line) await sendAutomaticAnswer(work, interactionId, sms, optedOut ? answers.optOut : answers.optIn);
    return;
  }
  if (match.kind === 'help') {
    await showEntry(work, interactionId, await appendSystemEntry(work, interactionId, 'consent_help_sent', { keyword: match.keyword }));
    await sendAutomaticAnswer(work, interactionId, sms, answers.help);
    return;
  }
  if (await isOptedOut(work.tx, sms.from, sms.to)) return;
  await work.tx.query('UPDATE interactions SET suspected_opt_out = $2 WHERE id = $1', [interactionId, message.id]);
  await announceConsent(work, interactionId);
}
