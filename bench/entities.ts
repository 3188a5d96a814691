import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { find } from 'linkifyjs';
import { createElement } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { createEntityCache } from '../lib/entities/cache';
import { detectEntities, type Entity } from '../lib/entities/detect';

/**
 * Entity detection over a transcript of 10,000 realistic messages (French SMS: greetings,
 * questions, order numbers, dates, amounts, and one message in five with a URL, a phone number
 * or an email address), medians over several runs, with two baselines measured in the same run:
 * a whitespace split (the floor of touching every character) and linkify alone (URL and email
 * detection the brief requires anyway). Then what opening a transcript costs once entities are
 * known: cache hits, and rendering every message with MessageText (to a string, not a DOM).
 */

const MESSAGES = 10_000;
const RUNS = 7;
const REGION = { region: 'FR' } as const;

const PLAIN = [
  'Bonjour, je n’ai toujours pas reçu ma commande n°48213 passée le 12/03/2024.',
  'Merci beaucoup pour votre aide !',
  'Oui c’est bien ça.',
  'Le montant prélevé est de 1 249,90 € au lieu de 999 €, pouvez-vous vérifier ?',
  'Mon code postal est 75008 et mon IBAN FR76 3000 6000 0112 3456 7890 189.',
  'D’accord, je reste disponible cet après-midi entre 14h et 16h30.',
  'Je voudrais changer l’adresse de livraison pour le 3 rue des Lilas, 69003 Lyon.',
  'Est-ce que le colis 6A12345678901 est parti ?',
];
const WITH_ENTITY = [
  'Vous pouvez me rappeler au 06 12 34 56 78 demain matin.',
  'Voici la photo du produit : https://www.exemple.fr/avis/12345?ref=sms, merci',
  'Écrivez-moi plutôt à jean.dupont@exemple.fr svp',
  'Mon mari est joignable au +33 7 52 34 56 78 ou au 01 23 45 67 89.',
  'Le lien reçu est bizarre : https://аpple.com/verify et www.secure-banque.fr/login',
];

/** Deterministic pseudo-random numbers, so every run measures the same transcript. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export function realisticMessages(count = MESSAGES): string[] {
  const random = generator(42);
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, index) => {
    if (index % 500 === 0) return pick(PLAIN).repeat(40); // a few very long messages
    return random() < 0.2 ? pick(WITH_ENTITY) : pick(PLAIN);
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function measure(work: () => void): number {
  work(); // warm-up: JIT and lazy metadata
  const times: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Node has no `browser.i18n`; MessageText's t() reads the real English messages through this. */
function installMessages(): void {
  const english = JSON.parse(readFileSync(new URL('../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<string, { message: string }>;
  const scope = globalThis as { chrome?: unknown };
  scope.chrome ??= {
    i18n: { getMessage: (key: string, substitutions: string[] = []) => english[key]?.message.replace(/\$(\d)/g, (_all, n: string) => substitutions[Number(n) - 1] ?? '') ?? '' },
  };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

export async function run(): Promise<void> {
  const messages = realisticMessages();
  const characters = messages.reduce((total, text) => total + text.length, 0);
  let sink = 0;

  const split = measure(() => messages.forEach((text) => (sink += text.split(/\s+/).length)));
  const linkify = measure(() => messages.forEach((text) => (sink += find(text).length)));
  const detect = measure(() => messages.forEach((text) => (sink += detectEntities(text, REGION).length)));
  const entities: Entity[][] = messages.map((text) => detectEntities(text, REGION));
  const found = entities.reduce((total, list) => total + list.length, 0);

  const cache = createEntityCache(REGION);
  messages.forEach((text, index) => cache.entitiesOf(`m${index}`, text));
  const cached = measure(() => messages.forEach((text, index) => (sink += cache.entitiesOf(`m${index}`, text).length)));

  const longText = messages[0]!.repeat(Math.ceil(10_240 / messages[0]!.length)).slice(0, 10_240);
  const long = measure(() => (sink += detectEntities(longText, REGION).length));

  installMessages();
  const { MessageText } = await import('../components/transcript/MessageText');
  const ignore = () => undefined;
  const render = measure(() => {
    for (let index = 0; index < messages.length; index += 1) {
      sink += renderToString(createElement(MessageText, { text: messages[index]!, entities: entities[index]!, onDial: ignore, onEmail: ignore })).length;
    }
  });

  console.log(`entities: ${MESSAGES.toLocaleString('en')} messages, ${characters.toLocaleString('en')} characters, ${found} entities; median of ${RUNS} runs`);
  console.log(`  baseline whitespace split     ${ms(split)}`);
  console.log(`  baseline linkify.find only    ${ms(linkify)}  (×${(linkify / split).toFixed(1)} split)`);
  console.log(`  detectEntities, all messages  ${ms(detect)}  (${((detect / MESSAGES) * 1000).toFixed(1)} µs/message; ×${(detect / linkify).toFixed(1)} linkify, ×${(detect / split).toFixed(1)} split)`);
  console.log(`  cached entities, all messages ${ms(cached)}  (what reopening a transcript costs)`);
  console.log(`  detectEntities, one 10 KB message ${ms(long)}`);
  console.log(`  MessageText to string, all messages with known entities ${ms(render)}  (preact-render-to-string, not a DOM)`);
  if (sink < 0) console.log(sink);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
