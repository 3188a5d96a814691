import path from 'node:path';
import { checkConfigFile, DEMO_CONFIG_PATH } from '../config';
import { configSummary } from '../config/summary';

// `npm run check-config -- path/to/file.yaml`: validates a configuration without starting anything.
// Prints every problem (exit 1), or "OK" and what the file defines (exit 0). Without a path: $CONFIG,
// else the demo configuration.

const file = process.argv[2] ?? process.env.CONFIG ?? DEMO_CONFIG_PATH;
const checked = checkConfigFile(file);
if (!checked.ok) {
  console.error(`${path.resolve(file)}: ${checked.problems.length === 1 ? '1 problem' : `${checked.problems.length} problems`}`);
  for (const problem of checked.problems) console.error(`  ${problem}`);
  process.exit(1);
}
console.log(`OK: ${path.resolve(file)}`);
for (const line of configSummary(checked.config)) console.log(line);
