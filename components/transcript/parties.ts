import type { MessageKey } from '@/lib/i18n/t';
import type { SystemEntry, TranscriptEntry } from '@/lib/protocol';

/** Who an entry is from, as the agent reading it sees it: each gets its own colour AND label. */
export type Party = 'customer' | 'me' | 'agent' | 'system';

export function partyOf(entry: TranscriptEntry, selfId: string | undefined): Party {
  if (entry.kind === 'system') return 'system';
  switch (entry.author.role) {
    case 'customer':
      return 'customer';
    case 'agent':
      return entry.author.agentId === selfId ? 'me' : 'agent';
    case 'system':
      return 'system';
  }
}

/** The visible label of each party beside the sender's name. */
export const PARTY_TAG = { customer: 'session_party_customer', me: 'session_party_me', agent: 'session_party_agent' } as const;

/** "10 min", "90 s": the inactivity time as a system entry states it. */
export function formatSilence(seconds: number): string {
  return seconds >= 60 && seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}

/** The locale key and substitutions that word a system entry. */
export function systemEntryText(entry: SystemEntry): { key: MessageKey; args: string[] } {
  const { name = '', target = '' } = entry.params;
  switch (entry.code) {
    case 'agent_joined':
    case 'agent_left':
    case 'contact_assigned':
    case 'interaction_merged':
    case 'callback_offered':
      return { key: `system_${entry.code}`, args: [name] };
    case 'activity_call':
    case 'activity_email':
      // Recorded live: who and whom ("Alice Martin called +336…"); merged in from an activity
      // (issue 6): the number or address alone ("Call to +336…").
      if (entry.params.agent) {
        return { key: entry.code === 'activity_call' ? 'transcript_activity_call_by' : 'transcript_activity_email_by', args: [entry.params.agent, name] };
      }
      return { key: `system_${entry.code}`, args: [name] };
    case 'agent_transferred':
    case 'consultation_started':
      return { key: `system_${entry.code}`, args: [name, target] };
    case 'consultation_ended':
      // Without a name it ended with the interaction, not by someone's choice.
      return name ? { key: 'system_consultation_ended', args: [name, target] } : { key: 'system_consultation_ended_with_interaction', args: [target] };
    case 'returned_to_queue':
      return { key: entry.params.reason === 'signed_out' ? 'system_returned_to_queue_signed_out' : 'system_returned_to_queue_absent', args: [name] };
    case 'session_ended_inactivity':
      return { key: 'system_session_ended_inactivity', args: [formatSilence(Number(entry.params.seconds ?? 0))] };
    case 'interaction_done':
      return { key: 'system_interaction_done', args: [] };
    case 'reply_resent':
      return { key: 'system_reply_resent', args: [name, entry.params.attempt ?? ''] };
    case 'consent_opted_out':
      if (entry.params.via === 'agent') return { key: 'system_consent_opted_out_agent', args: [name] };
      if (entry.params.via === 'carrier') return { key: 'system_consent_opted_out_carrier', args: [entry.params.code ?? ''] };
      return { key: 'system_consent_opted_out_keyword', args: [entry.params.keyword ?? ''] };
    case 'consent_opted_in':
      return { key: 'system_consent_opted_in_keyword', args: [entry.params.keyword ?? ''] };
    case 'consent_help_sent':
      return { key: 'system_consent_help_sent', args: [entry.params.keyword ?? ''] };
    case 'media_refused':
      // The bare form; entry-text.ts words it with the localized reason.
      return { key: 'system_media_refused', args: [entry.params.file || entry.params.number || '', entry.params.reason ?? ''] };
  }
}
