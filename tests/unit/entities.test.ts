import { describe, expect, it } from 'vitest';
import { createEntityCache } from '../../lib/entities/cache';
import { detectEntities, type Entity } from '../../lib/entities/detect';
import { splitMessage } from '../../lib/entities/parts';

const FR = { region: 'FR' } as const;
const phones = (text: string) => detectEntities(text, FR).flatMap((entity) => (entity.kind === 'phone' ? [[entity.raw, entity.e164]] : []));
const summary = (entities: Entity[]) =>
  entities.map((entity) => [entity.kind, entity.raw, entity.kind === 'url' ? entity.href : entity.kind === 'email' ? entity.address : entity.e164]);

describe('phone numbers (region FR)', () => {
  it.each([
    ['+33 6 12 34 56 78', '+33612345678'],
    ['06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['06-12-34-56-78', '+33612345678'],
    ['0612345678', '+33612345678'],
    ['+33612345678', '+33612345678'],
    ['+33 (0)6 12 34 56 78', '+33612345678'],
    ['0033 6 12 34 56 78', '+33612345678'],
    ['01 23 45 67 89', '+33123456789'],
    ['08 00 12 34 56', '+33800123456'],
    ['06 1234 5678', '+33612345678'],
    ['+1 415 555 2671', '+14155552671'],
    ['+44 20 7946 0958', '+442079460958'],
    ['٠٦١٢٣٤٥٦٧٨', '+33612345678'],
  ])('finds %s', (written, e164) => {
    expect(phones(`Rappelez-moi au ${written}, merci.`)).toEqual([[written, e164]]);
  });

  it.each([
    ['a 9-digit company number (SIREN)', 'SIREN 732 829 320'],
    ['a national number without its 0', 'mon portable : 612345678'],
    ['a date', 'le 01/02/2024 à 10h30'],
    ['a date and time with dots', 'RDV 06.12.2024 14:30'],
    ['a date written in pairs then an hour', 'le 06.12.20.24 14'],
    ['an ISO timestamp', '2024-06-12 14:30:00'],
    ['an amount in euros', 'total 1 234 567,89 €'],
    ['a number followed by euros', 'remboursement de 0612345678 €'],
    ['an order number after n°', 'commande n°0612345678'],
    ['an order number after “commande”', 'commande 0612345678 expédiée'],
    ['an invoice number', 'facture : 0123456789'],
    ['a tracking number', 'suivi colis 0612345678901'],
    ['an IBAN', 'IBAN FR76 3000 6000 0112 3456 7890 189'],
    ['postcodes', '75008 Paris, 06000 Nice'],
    ['a number glued to letters', 'ref06 12 34 56 78abc'],
    ['a longer digit run', 'appelez le 06 12 34 56 78 9'],
    ['a decimal', 'valeur 1.0612345678'],
    ['an invalid range', '07 12 34 56 78'],
  ])('ignores %s', (_name, text) => {
    expect(phones(text)).toEqual([]);
  });

  it('finds every number of a list', () => {
    expect(phones('06 12 34 56 78, 01 23 45 67 89; +33 7 52 34 56 78')).toEqual([
      ['06 12 34 56 78', '+33612345678'],
      ['01 23 45 67 89', '+33123456789'],
      ['+33 7 52 34 56 78', '+33752345678'],
    ]);
  });

  it('starts a new number at a plus sign even right after another', () => {
    expect(phones('Tél 06 12 34 56 78 +1 415 555 2671')).toEqual([
      ['06 12 34 56 78', '+33612345678'],
      ['+1 415 555 2671', '+14155552671'],
    ]);
  });

  it('leaves an extension out of the number it dials', () => {
    expect(phones('standard +33 1 23 45 67 89 poste 12')).toEqual([['+33 1 23 45 67 89', '+33123456789']]);
  });

  it('keeps brackets outside the number', () => {
    const [phone] = detectEntities('(06 12 34 56 78)', FR);
    expect(phone).toMatchObject({ kind: 'phone', start: 1, end: 15, raw: '06 12 34 56 78' });
  });

  it('reads national numbers with the configured region', () => {
    expect(detectEntities('(415) 555-2671', { region: 'US' }).map((entity) => entity.kind === 'phone' && entity.e164)).toEqual(['+14155552671']);
  });

  it('reads the North American form with the area code in brackets in any region, with or without the country code', () => {
    for (const written of ['(415) 555-2671', '(415)555-2671', '1 (415) 555-2671', '+1 (415) 555-2671', '+1 (514) 987-6543', '1-800-555-0199']) {
      expect(phones(`Call me at ${written} please`), written).toEqual([[written, `+1${written.replace(/\D/g, '').replace(/^1/, '')}`]]);
    }
    // Without brackets or a leading 1, ten digits in a French centre are not read as American.
    expect(phones('dossier en cours 415 555 2671')).toEqual([]);
    expect(phones('(2024) 555-2671')).toEqual([]);
    expect(phones('total (415) 555-2671 €')).toEqual([]);
  });
});

describe('phone numbers of the countries a French contact centre hears from (region FR)', () => {
  it.each([
    ['BE', ['+32 470 12 34 56', '0032 470 12 34 56', '+32 (0)470 12 34 56', '+32 470.12.34.56', '+32-470-12-34-56', '+32 2 511 12 12']],
    ['CH', ['+41 44 668 18 00', '+41 79 123 45 67', '0041 79 123 45 67', '+41 (0)79 123 45 67', '+41 79.123.45.67']],
    ['LU', ['+352 621 123 456', '+352 26 12 34 56', '00352 621 123 456']],
    ['CA', ['+1 (514) 987-6543', '+1 514-987-6543', '+1.514.987.6543', '(514) 987-6543']],
    ['US', ['+1 (415) 555-2671', '+1 415 555 2671', '1 (415) 555-2671', '+1 800 555 0199']],
    ['GB', ['+44 20 7946 0958', '+44 (0)20 7946 0958', '0044 20 7946 0958', '+44 7911 123456', '+44 (0) 7911 123456']],
    ['ES', ['+34 612 34 56 78', '+34 612 345 678', '0034 612 345 678', '+34 91 123 45 67', '+34 912 345 678']],
    ['DE', ['+49 30 12345678', '+49 (0)30 12345678', '+49 30 1234 5678', '+49 151 23456789', '0049 30 12345678', '+49 30-12345678', '+49 1512 3456789']],
    ['IT', ['+39 06 1234 5678', '+39 333 123 4567', '0039 02 1234 5678', '+39 02-1234-5678', '+39 333 1234567']],
    ['FR', ['+33 6 12 34 56 78', '06 12 34 56 78', '+33 (0)6 12 34 56 78', '+33 6.12.34.56.78', '06-12-34-56-78']],
  ] as const)('finds the usual written forms of %s', (country, forms) => {
    for (const written of forms) {
      const found = detectEntities(`Appelez le ${written} svp`, FR).filter((entity) => entity.kind === 'phone');
      expect(found.map((entity) => entity.raw), `${country} ${written}`).toEqual([written]);
    }
  });

  it.each([
    ['a SIREN', 'SIREN 732 829 320'],
    ['a SIRET', 'SIRET 732 829 320 00074'],
    ['a bare SIREN', 'notre société 732 829 320'],
    ['an order number', 'Commande 4000123456'],
    ['an order number after #', 'order #4000123456'],
    ['an amount with dots', 'montant 12.345.678,00'],
    ['an ISO date', 'livré le 2024-06-12'],
    ['a date with dots', 'le 12.06.2024'],
    ['a date with spaces', 'le 12 06 2024'],
    ['a date and time', '12/06/2024 14:30'],
    ['lone digits after a country code', '+49 3 0 1 2 3 4 5 6 7 8'],
  ])('still ignores %s', (_name, text) => {
    expect(phones(text)).toEqual([]);
  });
});

describe('web and email addresses', () => {
  it('stops a URL before French punctuation and quotes', () => {
    expect(summary(detectEntities('voir https://x.fr/a, merci', FR))).toEqual([['url', 'https://x.fr/a', 'https://x.fr/a']]);
    expect(summary(detectEntities('le site « https://x.fr/a » ou «https://x.fr/b».', FR))).toEqual([
      ['url', 'https://x.fr/a', 'https://x.fr/a'],
      ['url', 'https://x.fr/b', 'https://x.fr/b'],
    ]);
    expect(summary(detectEntities('Regardez https://x.fr/offre !', FR))).toEqual([['url', 'https://x.fr/offre', 'https://x.fr/offre']]);
    expect(summary(detectEntities('https://x.fr/a…', FR))).toEqual([['url', 'https://x.fr/a', 'https://x.fr/a']]);
  });

  it('keeps balanced parentheses and drops a closing one', () => {
    expect(summary(detectEntities('(voir https://fr.wikipedia.org/wiki/Paris_(homonymie))', FR))).toEqual([
      ['url', 'https://fr.wikipedia.org/wiki/Paris_(homonymie)', 'https://fr.wikipedia.org/wiki/Paris_(homonymie)'],
    ]);
  });

  it('normalises a bare www address', () => {
    expect(summary(detectEntities('sur www.exemple.fr.', FR))).toEqual([['url', 'www.exemple.fr', 'http://www.exemple.fr']]);
  });

  it('finds emails, with IDN domains, and turns a single-recipient mailto into an email', () => {
    expect(summary(detectEntities('écrivez à jean@exämple.fr ou mailto:service@x.fr', FR))).toEqual([
      ['email', 'jean@exämple.fr', 'jean@exämple.fr'],
      ['email', 'mailto:service@x.fr', 'service@x.fr'],
    ]);
  });

  it('keeps a mailto with cc, bcc, subject or body whole, not as an email to its first address', () => {
    for (const query of ['cc=evil@x.com', 'bcc=evil@x.com', 'subject=Bonjour', 'body=Mon%20IBAN', 'CC=a@x.fr&subject=1']) {
      const raw = `mailto:service@x.fr?${query}`;
      expect(summary(detectEntities(`écrivez à ${raw} merci`, FR))).toEqual([['url', raw, raw]]);
    }
  });

  it('keeps a phone number inside an address as part of the address', () => {
    expect(summary(detectEntities('https://x.fr/rappel/0612345678 et 0612345678@sms.x.fr', FR))).toEqual([
      ['url', 'https://x.fr/rappel/0612345678', 'https://x.fr/rappel/0612345678'],
      ['email', '0612345678@sms.x.fr', '0612345678@sms.x.fr'],
    ]);
  });

  it('does not link javascript: or data: text', () => {
    expect(detectEntities('javascript:alert(1) data:text/html,<script>alert(1)</script>', FR)).toEqual([]);
  });
});

describe('detectEntities', () => {
  it('returns ordered, non-overlapping spans whose raw text is the text they cover', () => {
    const text = 'Bonjour, 06 12 34 56 78 ou jean@x.fr, voir https://x.fr/a?b=1 et +33 1 23 45 67 89.';
    const entities = detectEntities(text, FR);
    expect(entities.map((entity) => entity.kind)).toEqual(['phone', 'email', 'url', 'phone']);
    let end = 0;
    for (const entity of entities) {
      expect(entity.start).toBeGreaterThanOrEqual(end);
      expect(text.slice(entity.start, entity.end)).toBe(entity.raw);
      end = entity.end;
    }
  });

  it('handles a 10 KB message completely', () => {
    const line = 'Voir https://x.fr/a et appeler le 06 12 34 56 78. ';
    const text = line.repeat(Math.ceil(10_240 / line.length));
    const entities = detectEntities(text, FR);
    const count = text.length / line.length;
    expect(entities.filter((entity) => entity.kind === 'url')).toHaveLength(count);
    expect(entities.filter((entity) => entity.kind === 'phone')).toHaveLength(count);
  });

  it('finds nothing in an empty message', () => {
    expect(detectEntities('', FR)).toEqual([]);
  });
});

describe('createEntityCache', () => {
  it('detects once per message id and again if the id is reused for another text', () => {
    const cache = createEntityCache(FR);
    const first = cache.entitiesOf('m1', 'appelez le 06 12 34 56 78');
    expect(cache.entitiesOf('m1', 'appelez le 06 12 34 56 78')).toBe(first);
    expect(cache.entitiesOf('m1', 'voir https://x.fr')).not.toBe(first);
  });

  it('forgets the oldest messages beyond its capacity', () => {
    const cache = createEntityCache(FR, 2);
    const first = cache.entitiesOf('m1', 'a');
    cache.entitiesOf('m2', 'b');
    cache.entitiesOf('m3', 'c');
    expect(cache.size).toBe(2);
    expect(cache.entitiesOf('m1', 'a')).not.toBe(first);
  });
});

describe('splitMessage', () => {
  it('cuts a message at its entities', () => {
    const text = 'Appelez le 06 12 34 56 78 !';
    expect(splitMessage(text, detectEntities(text, FR))).toEqual([
      { kind: 'text', text: 'Appelez le ' },
      { kind: 'entity', entity: { kind: 'phone', start: 11, end: 25, raw: '06 12 34 56 78', e164: '+33612345678' } },
      { kind: 'text', text: ' !' },
    ]);
  });

  it('ignores entities that do not match the text, leaving it plain', () => {
    const text = 'voir https://x.fr';
    const stale: Entity[] = [
      { kind: 'url', start: 0, end: 4, raw: 'http', href: 'https://evil.example/' },
      { kind: 'url', start: 5, end: 99, raw: 'https://x.fr', href: 'https://x.fr' },
      { kind: 'url', start: 5, end: 17, raw: 'https://x.fr', href: 'https://x.fr' },
      { kind: 'url', start: 5, end: 17, raw: 'https://x.fr', href: 'https://x.fr' },
    ];
    expect(splitMessage(text, stale)).toEqual([
      { kind: 'text', text: 'voir ' },
      { kind: 'entity', entity: stale[2] },
    ]);
  });

  it('ignores entities whose value is not what their text says', () => {
    const text = 'voir x.fr, 06 12 34 56 78 ou jean@x.fr';
    const forged: Entity[] = [
      { kind: 'url', start: 5, end: 9, raw: 'x.fr', href: 'https://evil.example/' },
      { kind: 'phone', start: 11, end: 25, raw: '06 12 34 56 78', e164: '+33899999999' },
      { kind: 'email', start: 29, end: 38, raw: 'jean@x.fr', address: 'evil@evil.example' },
    ];
    expect(splitMessage(text, forged)).toEqual([{ kind: 'text', text }]);
  });

  it('accepts every entity detection produces', () => {
    const text = 'www.x.fr https://x.fr/a mailto:a@x.fr?subject=1 b@x.fr 06 12 34 56 78 +1 415 555 2671 ou ٠٦١٢٣٤٥٦٧٨ ou 0033 6 12 34 56 78';
    const entities = detectEntities(text, FR);
    expect(entities).toHaveLength(8);
    expect(splitMessage(text, entities).filter((part) => part.kind === 'entity')).toHaveLength(8);
  });
});
