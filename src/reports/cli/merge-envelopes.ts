import type { Envelope, GherkinDocument } from '@cucumber/messages';
import { toMillis } from '../run/envelopes.ts';

/**
 * Several runs' messages (the shards of one CI run) as the messages of one run, so Cucumber's HTML
 * report and this project's reports show one run: one testRunStarted (the earliest) and one
 * testRunFinished (the latest), each feature file's document once, with the other runs' pickles
 * pointed at its nodes (matched by kind and place), and each step definition and hook once.
 */
type Node = { id: string; location?: { line: number; column?: number } };

/** Every node of a Gherkin document that has an id, by a key that is the same in every parse of the file. */
function nodeKeys(document: GherkinDocument): Map<string, string> {
  const keys = new Map<string, string>();
  const visit = (value: unknown, kind: string, parent: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, kind, `${parent}[${i}]`));
      return;
    }
    if (!value || typeof value !== 'object') return;
    const node = value as Node & Record<string, unknown>;
    if (typeof node.id === 'string') keys.set(node.id, `${kind}@${node.location?.line ?? parent}:${node.location?.column ?? ''}`);
    for (const [key, child] of Object.entries(node)) if (key !== 'location' && typeof child === 'object') visit(child, key, `${parent}.${key}`);
  };
  visit(document.feature, 'feature', '');
  return keys;
}

export function mergeEnvelopes(runs: ReadonlyArray<readonly Envelope[]>): Envelope[] {
  const out: Envelope[] = [];
  const documents = new Map<string, Map<string, string>>(); // uri → key → id of the kept document
  const sources = new Set<string>();
  const definitions = new Map<string, string>(); // place and pattern → kept id
  const hooks = new Map<string, string>();
  let meta = false;
  let started: { id: string; at: number; envelope: Envelope } | undefined;
  let finished: { at: number; success: boolean; envelope: Envelope } | undefined;

  for (const run of runs) {
    const ids = new Map<string, string>(); // this run's id → kept id
    const remap = (id: string) => ids.get(id) ?? id;
    for (const envelope of run) {
      if (envelope.meta) {
        if (!meta) out.push(envelope);
        meta = true;
      } else if (envelope.source) {
        if (!sources.has(envelope.source.uri)) out.push(envelope);
        sources.add(envelope.source.uri);
      } else if (envelope.gherkinDocument) {
        const document = envelope.gherkinDocument;
        const uri = document.uri ?? '';
        const kept = documents.get(uri);
        if (!kept) {
          const byKey = new Map([...nodeKeys(document)].map(([id, key]) => [key, id]));
          documents.set(uri, byKey);
          out.push(envelope);
        } else {
          for (const [id, key] of nodeKeys(document)) if (kept.has(key)) ids.set(id, kept.get(key)!);
        }
      } else if (envelope.pickle) {
        const p = envelope.pickle;
        out.push({ pickle: { ...p, astNodeIds: p.astNodeIds.map(remap), steps: p.steps.map((s) => ({ ...s, astNodeIds: s.astNodeIds.map(remap) })), tags: p.tags.map((t) => ({ ...t, astNodeId: remap(t.astNodeId) })) } });
      } else if (envelope.stepDefinition) {
        const d = envelope.stepDefinition;
        const key = `${d.sourceReference.uri}:${d.sourceReference.location?.line}:${d.pattern.source}`;
        if (definitions.has(key)) ids.set(d.id, definitions.get(key)!);
        else {
          definitions.set(key, d.id);
          out.push(envelope);
        }
      } else if (envelope.hook) {
        const h = envelope.hook;
        const key = `${h.sourceReference.uri}:${h.sourceReference.location?.line}:${h.tagExpression ?? ''}:${h.name ?? ''}`;
        if (hooks.has(key)) ids.set(h.id, hooks.get(key)!);
        else {
          hooks.set(key, h.id);
          out.push(envelope);
        }
      } else if (envelope.testRunStarted) {
        const at = toMillis(envelope.testRunStarted.timestamp);
        if (!started) started = { id: envelope.testRunStarted.id ?? '', at, envelope };
        else {
          if (envelope.testRunStarted.id) ids.set(envelope.testRunStarted.id, started.id);
          if (at < started.at) started = { ...started, at, envelope: { testRunStarted: { ...envelope.testRunStarted, ...(started.id && { id: started.id }) } } };
        }
      } else if (envelope.testRunFinished) {
        const at = toMillis(envelope.testRunFinished.timestamp);
        const success = (finished?.success ?? true) && envelope.testRunFinished.success;
        finished = { at: Math.max(at, finished?.at ?? 0), success, envelope: at >= (finished?.at ?? 0) ? envelope : finished!.envelope };
      } else if (envelope.testCase) {
        const c = envelope.testCase;
        out.push({ testCase: {
          ...c,
          ...(c.testRunStartedId && { testRunStartedId: remap(c.testRunStartedId) }),
          testSteps: c.testSteps.map((s) => ({ ...s, ...(s.hookId && { hookId: remap(s.hookId) }), ...(s.stepDefinitionIds && { stepDefinitionIds: s.stepDefinitionIds.map(remap) }) })),
        } });
      } else if (envelope.testRunHookStarted || envelope.testRunHookFinished) {
        continue; // BeforeAll and AfterAll of each shard: not part of any scenario
      } else {
        out.push(envelope);
      }
    }
  }
  if (started) out.splice(meta ? 1 : 0, 0, started.envelope);
  if (finished) {
    const f = finished.envelope.testRunFinished!;
    out.push({ testRunFinished: { ...f, success: finished.success, ...(started?.id && { testRunStartedId: started.id }) } });
  }
  return out;
}

/** Each run's own wall time (from its start to its end). */
export function runDuration(envelopes: readonly Envelope[]): number {
  const start = envelopes.find((e) => e.testRunStarted)?.testRunStarted;
  const end = envelopes.find((e) => e.testRunFinished)?.testRunFinished;
  return start && end ? Math.max(0, toMillis(end.timestamp) - toMillis(start.timestamp)) : 0;
}
