import * as v from 'valibot';
import { E164, MediaChannel, parseWith, SimulatorInbound } from '../../lib/protocol';
import type { ServerContext } from '../context';
import { readChannels, setChannelAvailability } from '../domain/channels';
import { runWork } from '../domain/work';
import { receiveInbound } from '../gateways/inbound';
import { listPhoneMessages, recordPhoneMessage } from '../gateways/simulator-gateway';
import { readJsonBody } from './body';
import { HttpError, sendJson } from './respond';
import type { Route } from './router';

export const SimulatorChannelChange = v.object({ channel: MediaChannel, available: v.boolean() });

/**
 * The phone simulator's gateway API: a phone texts the contact centre, reads what it received,
 * and an operator can take a channel down or up (demos and tests).
 */
export function simulatorRoutes(ctx: ServerContext): Route[] {
  return [
    {
      path: '/api/simulator/messages',
      async POST(req, res) {
        const sms = await readJsonBody(req, SimulatorInbound);
        if (sms.text.trim() === '') throw new HttpError('bad_request', 'The body is invalid: text: the text is empty.');
        const accepted = await runWork(ctx, async (work) => {
          const { entryId, interactionId } = await receiveInbound(work, sms);
          await recordPhoneMessage(work.tx, entryId, sms.from, sms.to, sms.text, work.now);
          return { id: entryId, interactionId };
        });
        sendJson(res, 202, accepted);
      },
      async GET(_req, res, url) {
        // A literal "+" in a query string reads as a space: accept ?phone=+336… as written.
        const phone = (url.searchParams.get('phone') ?? '').replace(/^ /, '+');
        const parsed = parseWith(E164, phone);
        if (!parsed.ok) throw new HttpError('bad_request', `phone: ${parsed.message} (got "${phone.slice(0, 30)}").`);
        const bothWays = url.searchParams.get('direction') === 'both';
        sendJson(res, 200, { messages: await listPhoneMessages(ctx.db, parsed.value, bothWays) });
      },
    },
    {
      path: '/api/simulator/channels',
      async POST(req, res) {
        const change = await readJsonBody(req, SimulatorChannelChange);
        const channels = await runWork(ctx, (work) => setChannelAvailability(work, change.channel, change.available));
        sendJson(res, 200, { channels });
      },
    },
    {
      path: '/api/simulator/setup',
      /** What the simulator page offers: the centre's numbers, the demo contacts' phones, the channels. */
      async GET(_req, res) {
        const centreNumbers = await ctx.db.query<{ number: string; mode: string; queue: string }>(
          'SELECT number, mode, queue FROM centre_numbers ORDER BY number',
        );
        const phones = await ctx.db.query<{ phone: string; name: string }>(
          `SELECT p.phone, c.name FROM contact_phones p JOIN contacts c ON c.id = p.contact_id
           WHERE NOT c.unknown AND c.merged_into IS NULL ORDER BY c.name, p.phone`,
        );
        sendJson(res, 200, { centreNumbers, phones, channels: await readChannels(ctx.db) });
      },
    },
  ];
}
