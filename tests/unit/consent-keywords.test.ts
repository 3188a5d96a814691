import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSENT_KEYWORDS, foldKeyword, matchConsentKeyword } from '../../lib/consent/keywords';

const kindOf = (text: string) => matchConsentKeyword(text)?.kind;

describe('consent keywords', () => {
  it.each([
    'STOP', 'stop', ' Stop ', 'STOP.', 'Stop!', 'STOP !!!', 'StopAll', 'UNSUBSCRIBE', 'cancel', 'End', 'quit', 'Revoke',
    'OPTOUT', 'opt-out', 'Opt out', 'OPT_OUT', 'ARRET', 'ARRÊT', 'arrêt', 'Arrêt.', '« ARRÊT »', 'ARRETE', 'arrête', 'DÉSABONNER',
    'désabonner', '\tstop\n', 'STOP 🙏',
  ])('%j is an opt-out', (text) => {
    expect(kindOf(text)).toBe('opt_out');
  });

  it.each(['START', 'start', 'Unstop', 'YES', 'yes!', 'Oui'])('%j is an opt-in', (text) => {
    expect(kindOf(text)).toBe('opt_in');
  });

  it.each(['HELP', 'help?', 'Info', 'AIDE', 'aide !'])('%j asks for help', (text) => {
    expect(kindOf(text)).toBe('help');
  });

  it.each([
    'Stop. Merci',
    'arrêtez de m’écrire',
    "Arrêtez de m'envoyer des SMS",
    'Please stop texting me',
    'I want to unsubscribe',
    'Je veux me désabonner',
    'Désabonnez-moi',
    'I cancelled my order, stop',
    'STOP STOP',
  ])('%j looks like an opt-out but is not only one', (text) => {
    expect(kindOf(text)).toBe('suspected_opt_out');
  });

  it.each([
    'Bonjour, ma commande est arrivée',
    'Yes please, tomorrow at 10',
    'Help me find my parcel',
    'Is the shop open until the end of the day?',
    "I'm quite happy with it",
    'Start my subscription next week',
    'Merci beaucoup',
    'Information sur ma facture',
    'STOPS',
    '',
    '   ',
    '!!!',
  ])('%j is an ordinary message', (text) => {
    const match = matchConsentKeyword(text);
    expect(match?.kind === 'opt_out' || match?.kind === 'opt_in' || match?.kind === 'help').toBe(false);
  });

  it('treats longer sentences with only a different word as ordinary', () => {
    expect(matchConsentKeyword('Is the shop open until the end of the day?')).toBeUndefined();
    expect(matchConsentKeyword('Bonjour, ma commande est arrivée')).toBeUndefined();
  });

  it('returns the configured keyword that matched', () => {
    expect(matchConsentKeyword('arrêt !')).toEqual({ kind: 'opt_out', keyword: 'ARRET' });
    expect(matchConsentKeyword('Arrêtez svp')).toEqual({ kind: 'suspected_opt_out', keyword: 'ARRET' });
  });

  it('uses the lists it is given instead of the defaults', () => {
    const keywords = { optOut: ['NON MERCI'], optIn: ['REPRISE'], help: ['SOS'] };
    expect(matchConsentKeyword('Non, merci.', keywords)).toEqual({ kind: 'opt_out', keyword: 'NON MERCI' });
    expect(matchConsentKeyword('STOP', keywords)).toBeUndefined();
    expect(matchConsentKeyword('reprise', keywords)?.kind).toBe('opt_in');
    expect(matchConsentKeyword('SOS', keywords)?.kind).toBe('help');
    expect(matchConsentKeyword('bon, non merci pour tout', keywords)?.kind).toBe('suspected_opt_out');
  });

  it('folds accents, case and punctuation', () => {
    expect(foldKeyword('  Désabonner-MOI ! ')).toBe('desabonner moi');
    expect(foldKeyword('ARRÊTE')).toBe('arrete');
    expect(DEFAULT_CONSENT_KEYWORDS.optOut).toContain('OPT-OUT');
  });
});
