import * as v from 'valibot';
import { DeliveryReason, E164 } from '../../lib/protocol';
import type { ServerContext } from '../context';
import { recordReceipt } from '../delivery/record';
import { runWork } from '../domain/work';
import { readJsonBody } from './body';
import { HttpError, sendJson } from './respond';
import type { Route } from './router';

export const SimulatorDeliveryRule = v.object({
  phone: E164,
  /** deliver (after `delayMs`), fail (with `reason`), or hold every report until one is posted. */
  outcome: v.picklist(['deliver', 'fail', 'hold']),
  reason: v.optional(DeliveryReason),
  delayMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(600_000)), 0),
});

export const SimulatorReceipt = v.object({
  /** The SMS on the air, as `GET /api/simulator/messages` lists it. */
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  state: v.picklist(['delivered', 'undelivered', 'failed']),
  reason: v.optional(DeliveryReason),
});

/** The simulated network's delivery reports: a rule per phone, or one report by hand. */
export function simulatorDeliveryRoutes(ctx: ServerContext): Route[] {
  return [
    {
      path: '/api/simulator/delivery-rules',
      async POST(req, res) {
        const rule = await readJsonBody(req, SimulatorDeliveryRule);
        await ctx.db.query(
          `INSERT INTO simulator_delivery_rules (phone, outcome, reason, delay_ms) VALUES ($1, $2, $3, $4)
           ON CONFLICT (phone) DO UPDATE SET outcome = EXCLUDED.outcome, reason = EXCLUDED.reason, delay_ms = EXCLUDED.delay_ms`,
          [rule.phone, rule.outcome, rule.outcome === 'fail' ? (rule.reason ?? 'unreachable') : null, rule.delayMs],
        );
        sendJson(res, 200, { rule });
      },
      async GET(_req, res) {
        const rules = await ctx.db.query<{ phone: string; outcome: string; reason: string | null; delay_ms: number }>(
          'SELECT phone, outcome, reason, delay_ms FROM simulator_delivery_rules ORDER BY phone',
        );
        sendJson(res, 200, {
          rules: rules.map((r) => ({ phone: r.phone, outcome: r.outcome, ...(r.reason ? { reason: r.reason } : {}), delayMs: r.delay_ms })),
        });
      },
    },
    {
      path: '/api/simulator/receipts',
      async POST(req, res) {
        const receipt = await readJsonBody(req, SimulatorReceipt);
        const known = await runWork(ctx, (work) =>
          recordReceipt(work, {
            gateway: 'simulator',
            providerId: receipt.id,
            state: receipt.state,
            ...(receipt.state === 'delivered' ? {} : { reason: receipt.reason ?? 'unreachable' }),
          }),
        );
        if (!known) throw new HttpError('not_found', `No SMS ${receipt.id.slice(0, 100)} was sent by the contact centre.`);
        sendJson(res, 200, { ok: true });
      },
    },
  ];
}
