import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { formParams, twilioSignature, validTwilioSignature } from '../../server/gateways/twilio/signature';

const TOKEN = '12345';
const params = { Body: 'Bonjour @ & = + ☃ 👍🏽', From: '+33612345678', To: '+33937000009', MessageSid: 'SM1', NumMedia: '0', AccountSid: 'AC1' };
const form = formParams(new URLSearchParams(params).toString());

describe('the X-Twilio-Signature check', () => {
  it('computes what the official twilio package computes', () => {
    for (const url of ['https://texto.example.com/api/gateways/tw/sms', 'https://texto.example.com/api/gateways/tw/status?outbound=a%20b&x=1']) {
      expect(twilioSignature(TOKEN, url, form)).toBe(twilio.getExpectedTwilioSignature(TOKEN, url, params));
    }
  });

  it('agrees with twilio.validateRequest with and without the default port, and refuses what it refuses', () => {
    const cases = [
      ['https://texto.example.com/api/gateways/tw/sms', 'https://texto.example.com:443/api/gateways/tw/sms'],
      ['https://texto.example.com:443/api/gateways/tw/sms', 'https://texto.example.com/api/gateways/tw/sms'],
      ['http://texto.example.com/hook', 'http://texto.example.com:80/hook'],
      ['https://texto.example.com:8443/hook', 'https://texto.example.com/hook'],
      ['https://texto.example.com/hook', 'https://other.example.com/hook'],
    ] as const;
    for (const [signedUrl, checkedUrl] of cases) {
      const signature = twilio.getExpectedTwilioSignature(TOKEN, signedUrl, params);
      expect(validTwilioSignature(TOKEN, signature, checkedUrl, form)).toBe(twilio.validateRequest(TOKEN, signature, checkedUrl, params));
    }
    const good = twilio.getExpectedTwilioSignature(TOKEN, 'https://texto.example.com/hook', params);
    expect(validTwilioSignature(TOKEN, good, 'https://texto.example.com/hook', form)).toBe(true);
    expect(validTwilioSignature('other', good, 'https://texto.example.com/hook', form)).toBe(false);
    expect(validTwilioSignature(TOKEN, undefined, 'https://texto.example.com/hook', form)).toBe(false);
    expect(validTwilioSignature(TOKEN, `${good}x`, 'https://texto.example.com/hook', form)).toBe(false);
  });
});
