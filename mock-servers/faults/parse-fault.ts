import type { FaultProtocol, FaultRule } from './fault-rules.ts';
import { validateRule } from './validate-rule.ts';

/**
 * Reads a fault written as text, for the command line (`--fault`) and for scenario tags
 * (`@fault:greylist:retry-after=5m`): `kind` or `kind:key=value,key=value`.
 *
 *   refuse-recipient:nth=2,code=550          refuse-recipient:address=bob@acme.test,code=450
 *   greylist:retry-after=5m                  throttle:after=3
 *   slow:protocol=imap,delay=200ms           drop-after-commands:protocol=smtp,commands=2
 *   drop-mid-fetch:after=5,nth=1             fail-command:command=SELECT,status=NO
 */
export function parseFault(spec: string): FaultRule {
  const colon = spec.indexOf(':');
  const kind = (colon < 0 ? spec : spec.slice(0, colon)).trim();
  const options = readOptions(colon < 0 ? '' : spec.slice(colon + 1), spec);
  const rule = buildRule(kind, options, spec);
  const unused = [...options.keys()].filter((key) => !options.used.has(key));
  if (unused.length > 0) throw new Error(`Fault "${spec}": unknown option ${unused.map((key) => `"${key}"`).join(', ')} for ${kind}`);
  validateRule(rule);
  return rule;
}

export const FAULT_KINDS = ['refuse-recipient', 'greylist', 'throttle', 'slow', 'drop-after-commands', 'drop-mid-fetch', 'fail-command'] as const;

class Options extends Map<string, string> {
  readonly used = new Set<string>();
  private readonly spec: string;
  constructor(spec: string) {
    super();
    this.spec = spec;
  }
  text(key: string): string | undefined {
    this.used.add(key);
    return this.get(key);
  }
  required(key: string): string {
    const value = this.text(key);
    if (value === undefined) throw new Error(`Fault "${this.spec}" needs ${key}=…`);
    return value;
  }
  number(key: string): number | undefined {
    const value = this.text(key);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    if (!Number.isFinite(parsed)) throw new Error(`Fault "${this.spec}": ${key} must be a number, not "${value}"`);
    return parsed;
  }
  duration(key: string): number | undefined {
    const value = this.text(key);
    if (value === undefined) return undefined;
    const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value);
    if (!match) throw new Error(`Fault "${this.spec}": ${key} must be a duration like 200ms, 30s or 5m, not "${value}"`);
    const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? 'ms') as 'ms' | 's' | 'm' | 'h'];
    return Number(match[1]) * unit;
  }
  protocol(): FaultProtocol {
    const value = this.required('protocol').toLowerCase();
    if (value !== 'smtp' && value !== 'imap') throw new Error(`Fault "${this.spec}": protocol must be smtp or imap, not "${value}"`);
    return value;
  }
}

function readOptions(text: string, spec: string): Options {
  const options = new Options(spec);
  for (const part of text.split(',').map((item) => item.trim()).filter(Boolean)) {
    const equals = part.indexOf('=');
    if (equals <= 0) throw new Error(`Fault "${spec}": "${part}" should look like key=value`);
    options.set(part.slice(0, equals).trim().toLowerCase(), part.slice(equals + 1).trim());
  }
  return options;
}

function buildRule(kind: string, options: Options, spec: string): FaultRule {
  switch (kind) {
    case 'refuse-recipient': {
      const nth = options.number('nth');
      const address = options.text('address');
      const probability = options.number('probability');
      const message = options.text('message');
      return {
        kind,
        code: options.number('code') ?? 550,
        ...(nth !== undefined ? { nth } : {}),
        ...(address !== undefined ? { address } : {}),
        ...(probability !== undefined ? { probability } : {}),
        ...(message !== undefined ? { message } : {}),
      };
    }
    case 'greylist':
      return { kind, retryAfterMs: options.duration('retry-after') ?? 0 };
    case 'throttle':
      return { kind, afterMessages: Number(options.required('after')) };
    case 'slow':
      return { kind, protocol: options.protocol(), delayMs: options.duration('delay') ?? 100 };
    case 'drop-after-commands':
      return { kind, protocol: options.protocol(), commands: Number(options.required('commands')) };
    case 'drop-mid-fetch': {
      const nth = options.number('nth');
      return { kind, afterResponses: options.number('after') ?? 0, ...(nth !== undefined ? { nth } : {}) };
    }
    case 'fail-command': {
      const status = (options.text('status') ?? 'NO').toUpperCase();
      if (status !== 'NO' && status !== 'BAD') throw new Error(`Fault "${spec}": status must be NO or BAD, not "${status}"`);
      const nth = options.number('nth');
      const text = options.text('text');
      return { kind, command: options.required('command'), status, ...(nth !== undefined ? { nth } : {}), ...(text !== undefined ? { text } : {}) };
    }
    default:
      throw new Error(`Unknown fault "${kind}" in "${spec}"; known faults: ${FAULT_KINDS.join(', ')}`);
  }
}
