import { hashPassword } from '../auth/password';

// Prints the scrypt hash of a password, for an agent's `passwordHash` in the configuration.
//   npm run hash-password                 asks for it (typing is not echoed)
//   printf '%s' "$PW" | npm run hash-password     reads it from a pipe
//   npm run hash-password -- 'the password'       works too, but lands in the shell history

const MIN_LENGTH = 8;

function readHidden(question: string): Promise<string> {
  const input = process.stdin;
  return new Promise((resolve) => {
    let typed = '';
    process.stderr.write(question);
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.resume();
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\u0003') {
          process.stderr.write('\n');
          process.exit(130);
        } else if (char === '\r' || char === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          process.stderr.write('\n');
          return resolve(typed);
        } else if (char === '\u007f' || char === '\b') {
          typed = typed.slice(0, -1);
        } else {
          typed += char;
        }
      }
    };
    input.on('data', onData);
  });
}

async function readPiped(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}

async function readPassword(): Promise<string> {
  if (process.argv[2] !== undefined) return process.argv[2];
  if (!process.stdin.isTTY) return readPiped();
  const first = await readHidden('Password to hash: ');
  const again = await readHidden('Same password again: ');
  if (first !== again) {
    process.stderr.write('The two passwords differ; nothing was hashed.\n');
    process.exit(1);
  }
  return first;
}

const password = await readPassword();
if (password.length < MIN_LENGTH) {
  process.stderr.write(`A password needs at least ${MIN_LENGTH} characters.\n`);
  process.exit(1);
}
process.stdout.write(`${await hashPassword(password)}\n`);
