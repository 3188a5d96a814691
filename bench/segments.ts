/**
 * SMS counter benchmark: the main-thread work the message box does on every keystroke. Types a
 * reply one character at a time and times, per keystroke, countSms (grapheme-aware segmentation)
 * and unicodeCulprits, beside a naive counter measured in the same run (UTF-16 length divided by
 * the part size, the figure a plain `text.length` counter would show, wrong for escapes and
 * emoji). Medians over several runs; the budget for all main-thread work per keystroke is 8 ms.
 * `npx tsx bench/segments.ts`.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countSms } from '../lib/sms/count';
import { unicodeCulprits } from '../lib/sms/culprits';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const GSM_REPLY =
  'Bonjour Madame, votre colis est parti ce matin de notre magasin [réf. 48213] et arrivera demain avant 13h. ' +
  'Le transporteur vous enverra un SMS ; le montant restant à payer est de 12,50 € (frais de port inclus). ';
const UCS2_REPLY = 'Merci 🙏🏽 ! Votre commande est confirmée 👍 — nous revenons vers vous très vite 🇫🇷. Bien à vous, l’équipe 👨‍👩‍👧‍👦 ';

// A reply of `messages` parts, made of the sample repeated.
const reply = (sample: string, length: number) => sample.repeat(Math.ceil(length / sample.length)).slice(0, length);

function naiveCount(text: string) {
  return { messages: text.length <= 160 ? (text.length ? 1 : 0) : Math.ceil(text.length / 153), characters: text.length };
}

const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Microseconds per keystroke for typing `text` (mean over the keystrokes) and the worst one. */
function typing(text: string, perKeystroke: (typed: string) => unknown) {
  let worst = 0;
  const started = performance.now();
  for (let end = 1; end <= text.length; end += 1) {
    const before = performance.now();
    perKeystroke(text.slice(0, end));
    worst = Math.max(worst, performance.now() - before);
  }
  return { mean: ((performance.now() - started) * 1000) / text.length, worst: worst * 1000 };
}

export async function run(): Promise<void> {
  console.log(`SMS counter per keystroke (node ${process.version}), medians of ${RUNS} runs, µs`);
  console.log(`  ${'reply typed'.padEnd(40)} ${'countSms+culprits'.padStart(18)} ${'worst'.padStart(8)} ${'naive'.padStart(8)}   ratio`);
  const cases: [string, string][] = [
    ['GSM-7, 1 message (150 chars)', reply(GSM_REPLY, 150)],
    ['GSM-7, 10 messages (1,530 chars)', reply(GSM_REPLY, 1530)],
    ['UCS-2 with emoji, 10 messages (670 units)', reply(UCS2_REPLY, 670)],
  ];
  for (const [label, text] of cases) {
    const ours: { mean: number; worst: number }[] = [];
    const naive: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      ours.push(typing(text, (typed) => [countSms(typed), unicodeCulprits(typed)]));
      naive.push(typing(text, naiveCount).mean);
    }
    const mean = median(ours.map((r) => r.mean));
    const naiveMean = median(naive);
    console.log(
      `  ${label.padEnd(40)} ${mean.toFixed(1).padStart(18)} ${median(ours.map((r) => r.worst)).toFixed(0).padStart(8)} ` +
        `${naiveMean.toFixed(2).padStart(8)}   ${(mean / naiveMean).toFixed(0)}× the naive count, ${((mean / 8000) * 100).toFixed(2)}% of the 8 ms budget`,
    );
  }
  await Promise.resolve();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
