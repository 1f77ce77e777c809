import { readFileSync } from 'node:fs';

/** A --config file that cannot be used; the message says why (the command line exits with 2). */
export class ConfigFileError extends Error {}

/**
 * `--config FILE`: the command line's options as JSON, by their long names, e.g.
 * `{ "user": ["sales@acme.test:secret"], "smtp-port": 2525, "tls": true, "fault": ["throttle:after=3"] }`.
 * They become arguments placed before the command line's own, so an option given on both wins
 * from the command line, and repeatable ones (user, fault) add up; `true` turns a switch on.
 * An unknown name is then refused by the command line's own parser.
 */
export function withConfigFile(argv: readonly string[]): string[] {
  const own: string[] = [];
  let file: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--config') {
      file = argv[++index];
      if (file === undefined) throw new ConfigFileError('--config needs a file');
    } else if (arg.startsWith('--config=')) {
      file = arg.slice('--config='.length);
    } else {
      own.push(arg);
    }
  }
  return file === undefined ? own : [...configArguments(file), ...own];
}

function configArguments(file: string): string[] {
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigFileError(`--config ${file}: ${error instanceof SyntaxError ? `not JSON: ${reason}` : `cannot read it (${reason})`}`);
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new ConfigFileError(`--config ${file}: must hold a JSON object of options`);
  return Object.entries(config).flatMap(([name, value]): string[] => {
    if (value === true) return [`--${name}`];
    if (value === false || value === null) return [];
    const values: unknown[] = Array.isArray(value) ? value : [value];
    return values.flatMap((item) => {
      if (typeof item !== 'string' && typeof item !== 'number') throw new ConfigFileError(`--config ${file}: "${name}" must be a string, a number, true, or a list of strings`);
      return [`--${name}`, String(item)];
    });
  });
}
