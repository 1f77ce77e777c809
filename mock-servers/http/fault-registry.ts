import { describeFault, FAULT_KINDS, parseFault, type FaultPlan, type FaultRule } from '../faults/index.ts';
import { validateRule } from '../faults/validate-rule.ts';
import { HttpProblem } from './problem.ts';

export interface FaultView {
  readonly id: number;
  /** The spec as given, when it came as one (the API, --fault); else null. */
  readonly spec: string | null;
  readonly kind: FaultRule['kind'];
  /** What the rule does, in words. */
  readonly description: string;
  readonly rule: FaultRule;
}

/**
 * Names the fault plan's rules with ids the API can address. Rules added in code or from the
 * command line get an id the first time they are listed; the plan stays the one truth.
 */
export class FaultRegistry {
  private readonly plan: FaultPlan;
  private readonly ids = new WeakMap<FaultRule, number>();
  private readonly specs = new WeakMap<FaultRule, string>();
  private lastId = 0;

  constructor(plan: FaultPlan) {
    this.plan = plan;
  }

  list(): FaultView[] {
    return this.plan.active().map((rule) => this.view(rule));
  }

  /**
   * Reads every spec, then adds them all: one it cannot read is a 400 saying why, and then
   * none is added, so the plan is never left half changed.
   */
  addAll(specs: readonly string[]): FaultView[] {
    const rules = specs.map((spec) => {
      try {
        const rule = parseFault(spec);
        validateRule(rule);
        return { spec, rule };
      } catch (error) {
        throw new HttpProblem(400, 'FAULT.INVALID_SPEC', `${spec}: ${(error as Error).message}`, { spec, kinds: [...FAULT_KINDS] });
      }
    });
    for (const { spec, rule } of rules) {
      this.plan.add(rule);
      this.specs.set(rule, spec);
    }
    return rules.map(({ rule }) => this.view(rule));
  }

  remove(idText: string): void {
    const rule = this.plan.active().find((candidate) => String(this.idOf(candidate)) === idText);
    if (!rule) {
      const ids = this.list().map((fault) => fault.id);
      throw new HttpProblem(404, 'FAULT.NOT_FOUND', `No fault ${idText} is in force; faults: ${ids.join(', ') || 'none'}`, { ids });
    }
    this.plan.remove(rule);
  }

  clear(): void {
    this.plan.clear();
  }

  private idOf(rule: FaultRule): number {
    let id = this.ids.get(rule);
    if (id === undefined) {
      id = ++this.lastId;
      this.ids.set(rule, id);
    }
    return id;
  }

  private view(rule: FaultRule): FaultView {
    return { id: this.idOf(rule), spec: this.specs.get(rule) ?? null, kind: rule.kind, description: describeFault(rule), rule };
  }
}
