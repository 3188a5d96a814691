import type { DeliveryReason } from '../../../lib/protocol';

/**
 * Twilio's error codes (https://www.twilio.com/docs/api/errors) in Texto's words, for the ones a
 * contact centre meets every day; any other code reads as `carrier_error` with the code shown.
 */
const REASONS: Record<string, DeliveryReason> = {
  '21610': 'opted_out', // Attempt to send to unsubscribed recipient (the customer sent STOP)
  '21614': 'landline', // 'To' number is not a valid mobile number
  '30006': 'landline', // Landline or unreachable carrier
  '30003': 'unreachable', // Unreachable destination handset
  '30005': 'unknown_destination', // Unknown destination handset
  '30007': 'spam', // Message filtered (carrier violation / spam)
  '30004': 'blocked', // Message blocked
  '21211': 'invalid_number', // Invalid 'To' phone number
  '21612': 'unreachable', // The 'To' phone number is not currently reachable via SMS
  '30008': 'unknown', // Unknown error
};

export function twilioReason(code: string | number | null | undefined): DeliveryReason {
  if (code === null || code === undefined || code === '') return 'unknown';
  return REASONS[String(code)] ?? 'carrier_error';
}
