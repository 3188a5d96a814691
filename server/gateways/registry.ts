import { ConfigError, type TextoConfig } from '../config';
import { ordinal } from '../config/problems';
import type { SmsGateway } from './gateway';
import { createTwilioGateway, type TwilioAccount } from './twilio/twilio-gateway';

export interface Gateways {
  /** The gateway of a contact-centre number (the simulator for numbers that name none). */
  forNumber(centreNumber: string): SmsGateway;
  twilioAccounts: TwilioAccount[];
}

/**
 * Builds the configured carriers, reading their secrets from the environment variables the file
 * names. A missing secret stops the server here, naming the variable (never its value).
 */
export function openGateways(config: TextoConfig, env: NodeJS.ProcessEnv, simulator: SmsGateway): Gateways {
  const byId = new Map<string, SmsGateway>([['simulator', simulator]]);
  const twilioAccounts: TwilioAccount[] = [];
  for (const [i, gateway] of config.gateways.entries()) {
    const authToken = env[gateway.authTokenEnv];
    if (!authToken) {
      throw new ConfigError('configuration', [
        `gateways, ${ordinal(i + 1)} entry (${gateway.id}): the environment variable ${gateway.authTokenEnv} is not set; it must hold the Twilio auth token of account ${gateway.accountSid}.`,
      ]);
    }
    const account = { ...gateway, authToken };
    twilioAccounts.push(account);
    byId.set(gateway.id, createTwilioGateway(account));
  }
  const byNumber = new Map(config.numbers.map((n) => [n.number, byId.get(n.gateway) ?? simulator]));
  return { forNumber: (number) => byNumber.get(number) ?? simulator, twilioAccounts };
}
