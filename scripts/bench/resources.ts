/**
 * Everything a benchmark run starts (servers, clients, child processes, temporary folders) is
 * registered here the moment it exists, and released in reverse order by `release()`, whether the
 * run ends normally, throws or is interrupted. A failing release is reported and the others still run.
 */
export type Release = () => Promise<void> | void;

/** Thrown into a run's set-up once its resources are being released; not a failure of its own. */
export class InterruptedError extends Error {}

export class Resources {
  private readonly stack: Array<{ name: string; release: Release }> = [];
  private readonly lastResort = new Map<string, () => void>();

  private closing = false;

  /**
   * Registers a release; returns a function that releases this one now (and only once). Once
   * `release()` has begun (an interrupted run), the new resource is released at once and the
   * caller stopped with an error, so nothing outlives the run.
   */
  add(name: string, release: Release): () => Promise<void> {
    if (this.closing) {
      void Promise.resolve().then(release).catch(() => undefined);
      throw new InterruptedError(`Interrupted: ${name} released at once`);
    }
    const entry = { name, release };
    this.stack.push(entry);
    return async () => {
      const at = this.stack.indexOf(entry);
      if (at < 0) return;
      this.stack.splice(at, 1);
      await release();
    };
  }

  /**
   * A synchronous release for when the process exits before `release()` could run (an uncaught
   * error, process.exit): kill a child process, delete a folder. Removed with the returned function.
   */
  addLastResort(name: string, release: () => void): () => void {
    this.lastResort.set(name, release);
    return () => this.lastResort.delete(name);
  }

  /** Releases everything still held, newest first. Returns the failures, already described. */
  async release(): Promise<string[]> {
    this.closing = true;
    const failures: string[] = [];
    while (this.stack.length > 0) {
      const entry = this.stack.pop()!;
      try {
        await entry.release();
      } catch (error) {
        failures.push(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return failures;
  }

  /** Runs the synchronous releases; for process 'exit'. */
  releaseLastResorts(): void {
    for (const release of this.lastResort.values()) {
      try {
        release();
      } catch {
        // The process is exiting; nothing more can be done here.
      }
    }
    this.lastResort.clear();
  }

  /** For long set-up loops: stops them once the run is being torn down. */
  throwIfReleasing(): void {
    if (this.closing) throw new InterruptedError('Interrupted');
  }

  get held(): number {
    return this.stack.length;
  }
}

export interface WithResourcesOptions {
  /**
   * Release everything on SIGINT/SIGTERM too, then exit with 128 + the signal's number, as a
   * shell expects. For a command-line run; a test leaves signals alone.
   */
  releaseOnSignals?: boolean;
}

const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15 } as const;

/**
 * Runs `body` with fresh resources, releasing them however it ends. On a signal the resources
 * are released at once, even while `body` is still running (its servers vanish under it), and the
 * process exits; what `body` then throws is a consequence, not news, and is not reported.
 */
export async function withResources<T>(body: (resources: Resources) => Promise<T>, options: WithResourcesOptions = {}): Promise<T> {
  const resources = new Resources();
  let releasing: Promise<void> | undefined;
  const releaseOnce = () => (releasing ??= releaseAll(resources));
  let interrupted = false;
  const onExit = () => resources.releaseLastResorts();
  const onSignal = (signal: keyof typeof SIGNAL_NUMBERS) => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\n${signal}: stopping the servers and deleting temporary folders\n`);
    void releaseOnce().finally(() => process.exit(128 + SIGNAL_NUMBERS[signal]));
  };
  process.on('exit', onExit);
  if (options.releaseOnSignals) for (const signal of Object.keys(SIGNAL_NUMBERS)) process.on(signal, onSignal);
  try {
    return await body(resources);
  } finally {
    await releaseOnce();
    // Interrupted: the signal handler ends the process; nothing after this point may run.
    if (interrupted) await new Promise<never>(() => undefined);
    process.off('exit', onExit);
    if (options.releaseOnSignals) for (const signal of Object.keys(SIGNAL_NUMBERS)) process.off(signal, onSignal);
  }
}

async function releaseAll(resources: Resources): Promise<void> {
  const failures = await resources.release();
  resources.releaseLastResorts();
  for (const failure of failures) process.stderr.write(`cleanup failed: ${failure}\n`);
}
