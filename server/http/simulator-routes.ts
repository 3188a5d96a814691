import * as v from 'valibot';
import { E164, MediaChannel, parseWith, SimulatorInbound } from '../../lib/protocol';
import type { ServerContext } from '../context';
import { readChannels, setChannelAvailability } from '../domain/channels';
import { runWork } from '../domain/work';
import { carrierText } from '../gateways/carrier-text';
import { receiveInbound } from '../gateways/inbound';
import { listPhoneMessages, recordPhoneMessage } from '../gateways/simulator-gateway';
import { ingestMedia, maxInboundBodyBytes } from '../media';
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
        const { media: parts, providerId, ...sms } = await readJsonBody(req, SimulatorInbound, {
          limit: maxInboundBodyBytes(ctx.media.limits),
          // The customer's words are theirs, whatever they contain (the gateway stores them as data).
          storedAsData: ['text'],
        });
        const isMms = parts !== undefined && parts.length > 0;
        if (sms.text.trim() === '' && !isMms) throw new HttpError('bad_request', 'The body is invalid: text: the text is empty.');
        // Files are checked, thumbnailed and stored before the transaction: decoding is slow, and a
        // file stored for a message that then fails is harmless (stored once by hash, reused later).
        const mms = isMms ? await ingestMedia(parts, ctx.media.store, ctx.media.limits) : undefined;
        const media = (mms?.media ?? []).map((file) => ({
          id: file.hash,
          contentType: file.contentType,
          width: file.width,
          height: file.height,
          ...(file.filename === undefined ? {} : { filename: file.filename }),
        }));
        const accepted = await runWork(ctx, async (work) => {
          const { entryId, interactionId, duplicate } = await receiveInbound(work, {
            ...sms,
            ...(mms ? { mms: { media, refused: mms.refused } } : {}),
            ...(providerId ? { provider: { gateway: 'simulator', messageId: providerId } } : {}),
          });
          if (duplicate) return { id: entryId, interactionId };
          // The phone's own record of what it sent says how many pictures went with the text.
          const phoneCopy = media.length > 0 ? `${sms.text}${sms.text ? ' ' : ''}[${media.length} picture${media.length === 1 ? '' : 's'}]` : sms.text;
          await recordPhoneMessage(work.tx, entryId, sms.from, sms.to, carrierText(phoneCopy), work.now);
          return { id: entryId, interactionId };
        });
        if (!mms) return sendJson(res, 202, accepted);
        sendJson(res, 202, {
          ...accepted,
          media: media.map(({ id, filename }) => ({ id, ...(filename === undefined ? {} : { filename }) })),
          refused: mms.refused.map(({ index, filename, reason, message }) => ({ index, ...(filename === undefined ? {} : { filename }), reason, message })),
        });
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
