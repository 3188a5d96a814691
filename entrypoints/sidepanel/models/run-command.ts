import { refusalText } from '@/lib/i18n/refusal';
import { t } from '@/lib/i18n/t';
import type { PanelReply } from '@/lib/messaging/panel-port';
import type { Command } from '@/lib/protocol';
import type { BackgroundLink } from '../background-link';

export type CommandOutcome = { ok: true; result?: Record<string, unknown> } | { ok: false; message: string };

/** The text an agent reads for a refused request: ours for local codes, else the server's, localized. */
export function describeFailure(reply: Extract<PanelReply, { ok: false }>): string {
  switch (reply.code) {
    case 'not_signed_in':
      return t('error_not_signed_in');
    case 'network':
      return t('error_network');
    default:
      return refusalText(reply.code, reply.message, t);
  }
}

/** Like `runCommand`, with the answer's `result` (e.g. Team Communicator's targets). */
export async function runCommandForResult(
  link: BackgroundLink,
  command: Command,
): Promise<{ ok: true; result: Record<string, unknown> | undefined } | { ok: false; message: string }> {
  const reply = await link.request({ type: 'command', command });
  return reply.ok ? { ok: true, result: reply.result } : { ok: false, message: describeFailure(reply) };
}

/** Sends a command through the background's outbox and waits for the server's answer. */
export async function runCommand(link: BackgroundLink, command: Command): Promise<CommandOutcome> {
  const reply = await link.request({ type: 'command', command });
  if (!reply.ok) return { ok: false, message: describeFailure(reply) };
  return reply.result ? { ok: true, result: reply.result } : { ok: true };
}
