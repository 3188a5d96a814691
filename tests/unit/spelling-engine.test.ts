import { beforeAll, describe, expect, it } from 'vitest';
import { SpellingEngine } from '../../lib/spelling/engine';
import { artefactBuffer } from './spelling-fixtures';

const words = (engine: SpellingEngine, text: string) => engine.check(text).map((m) => m.word);

describe('French spell checking', () => {
  let fr: SpellingEngine;
  beforeAll(() => {
    fr = new SpellingEngine(artefactBuffer('fr'));
  }, 120_000);

  it('accepts accents, elisions and compounds written correctly', () => {
    expect(fr.check("Bonjour, aujourd'hui je vais à l'hôpital. Peut-être demain, dit-il ; c'est déjà ça.")).toEqual([]);
  });

  it('treats the typographic apostrophe like the straight one', () => {
    expect(fr.check('aujourd’hui, l’hôpital, qu’il')).toEqual([]);
  });

  it('underlines a wrong elision as one word, with its position', () => {
    const text = "Je suis à l'hopital et à l’hopital.";
    expect(fr.check(text)).toEqual([
      { word: "l'hopital", start: 10, end: 19 },
      { word: 'l’hopital', start: 25, end: 34 },
    ]);
  });

  it('underlines only the wrong part of a hyphenated word', () => {
    const text = 'Il viendra peut-etre.';
    const [misspelling] = fr.check(text);
    expect(misspelling).toEqual({ word: 'etre', start: 16, end: 20 });
    expect(text.slice(misspelling!.start, misspelling!.end)).toBe('etre');
  });

  it('accepts capitalised sentence starts and capitals, and still checks them', () => {
    expect(fr.check('Merci. Bonne journée ! MERCI BEAUCOUP')).toEqual([]);
    expect(words(fr, 'Mersi. BONJUOR')).toEqual(['Mersi', 'BONJUOR']);
  });

  it('skips numbers, phone numbers, addresses and links', () => {
    const text =
      'Rappelez le 06 12 34 56 78 ou le +33 1 23 45 67 89 à 10h30, écrivez à jean.dupont@exemple.fr ou contact@societe, ' +
      'voyez https://exemple.fr/aide?x=azerty et www.exmple.com, commande n°12345AB, le 2ème colis.';
    expect(fr.check(text)).toEqual([]);
  });

  it('suggests the accented word first for a missing accent', () => {
    expect(fr.suggest('hopital')[0]).toBe('hôpital');
    expect(fr.suggest('deja')[0]).toBe('déjà');
    expect(fr.suggest('Hopital')[0]).toBe('Hôpital');
  });

  it('suggests the right word for common typos', () => {
    expect(fr.suggest('bonjuor')[0]).toBe('bonjour');
    expect(fr.suggest('BONJUOR')[0]).toBe('BONJOUR');
    expect(fr.suggest('apeller')).toContain('appeler');
    expect(fr.suggest('developement')[0]).toBe('développement');
    expect(fr.suggest('aujourdhui')[0]).toBe("aujourd'hui");
  });

  it('keeps the elision and the apostrophe the agent typed', () => {
    expect(fr.suggest("l'hopital")[0]).toBe("l'hôpital");
    expect(fr.suggest('l’hopital')[0]).toBe('l’hôpital');
  });

  it('offers nothing for a correct word and nothing absurd for noise', () => {
    expect(fr.suggest('bonjour')).toEqual([]);
    expect(fr.suggest('')).toEqual([]);
    expect(fr.suggest('x'.repeat(500))).toEqual([]);
  });

  it('accepts the personal words, in any case a dictionary word would be', () => {
    expect(words(fr, 'Zorglub répond vite')).toEqual(['Zorglub']);
    fr.setPersonalWords(['Zorglub']);
    expect(fr.check('Zorglub répond vite, ZORGLUB aussi')).toEqual([]);
    fr.setPersonalWords([]);
    expect(words(fr, 'Zorglub répond vite')).toEqual(['Zorglub']);
  });
});

describe('English spell checking', () => {
  let en: SpellingEngine;
  beforeAll(() => {
    en = new SpellingEngine(artefactBuffer('en'));
  }, 120_000);

  it('finds the misspelled words of a message', () => {
    expect(words(en, "I can't recieve teh parcel, it's John's.")).toEqual(['recieve', 'teh']);
  });

  it('follows the ordinal compound rules like typo-js', () => {
    expect(en.isCorrect('21st')).toBe(true);
    expect(en.isCorrect('11th')).toBe(true);
    expect(en.isCorrect('21th')).toBe(false);
    expect(en.isCorrect('11st')).toBe(false);
  });

  it('suggests the right word for common typos, in the case typed', () => {
    expect(en.suggest('recieve')[0]).toBe('receive');
    expect(en.suggest('Recieve')[0]).toBe('Receive');
    expect(en.suggest('teh')[0]).toBe('the');
    expect(en.suggest('definately')[0]).toBe('definitely');
    expect(en.suggest('wich')[0]).toBe('which');
    expect(en.suggest('accomodate')[0]).toBe('accommodate');
  });

  it('suggests two words typed without a space', () => {
    expect(en.suggest('thankyou')[0]).toBe('thank you');
    expect(en.suggest('alot')).toContain('a lot');
  });
});
