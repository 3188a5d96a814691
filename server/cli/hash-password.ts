import { createInterface } from 'node:readline/promises';
import { hashPassword } from '../auth/password';

// Prints the scrypt hash of a password for an agent's `passwordHash` in the configuration.
// Usage: `npm run hash-password` (asks for it) or `npm run hash-password -- 'the password'`.
// The password is read from the terminal by default so it does not land in the shell history.

async function readPassword(): Promise<string> {
  const fromArgs = process.argv[2];
  if (fromArgs !== undefined) return fromArgs;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await rl.question('Password to hash: ');
  } finally {
    rl.close();
  }
}

const password = await readPassword();
if (password.length < 8) {
  process.stderr.write('A password needs at least 8 characters.\n');
  process.exit(1);
}
process.stdout.write(`${await hashPassword(password)}\n`);
