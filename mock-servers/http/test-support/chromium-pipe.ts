import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** Where Chromium (or Chrome) usually is; CHROMIUM_PATH wins. */
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * Headless Chromium driven through the DevTools protocol over a pipe (`--remote-debugging-pipe`:
 * JSON messages ended by NUL on file descriptors 3 and 4), so no WebSocket client is needed.
 * A missing browser fails the test and says how to install one; it is never skipped.
 */
export class HeadlessChromium {
  private readonly child: ChildProcess;
  private readonly profile: string;
  private readonly input: Writable;
  private lastId = 0;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly eventListeners = new Set<(method: string, params: Record<string, unknown>, sessionId: string | undefined) => void>();
  /**
   * Every Chromium process has exited. The browser's helpers (zygote, renderers, GPU, utilities)
   * share its stderr pipe, so the pipe closes, and 'close' fires, only when the last of them is
   * gone; on 'exit', the browser's own, a helper could still be writing into the profile.
   */
  private readonly gone: Promise<void>;

  private constructor(child: ChildProcess, profile: string) {
    this.child = child;
    this.profile = profile;
    this.input = child.stdio[3] as Writable;
    const output = child.stdio[4] as Readable;
    let buffered = Buffer.alloc(0);
    output.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (let end = buffered.indexOf(0); end >= 0; end = buffered.indexOf(0)) {
        this.receive(JSON.parse(buffered.subarray(0, end).toString('utf8')) as Record<string, unknown>);
        buffered = buffered.subarray(end + 1);
      }
    });
    // The last lines Chromium wrote, for the error when it ends while a command waits.
    let said = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      said = (said + chunk.toString('utf8')).slice(-2000);
    });
    child.on('exit', (code, signal) => {
      for (const { reject } of this.pending.values()) reject(new Error(`Chromium exited (${signal ?? code})${said.trim() ? `; it last wrote:\n${said.trim()}` : ''}`));
    });
    this.gone = new Promise((resolve) => child.on('close', () => resolve()));
  }

  static async launch(): Promise<HeadlessChromium> {
    const binary = CANDIDATES.find((path): path is string => !!path && existsSync(path));
    if (!binary) {
      throw new Error(`Chromium is needed to check the mail server's page in a real browser, and none was found (looked for ${CANDIDATES.filter(Boolean).join(', ')}). `
        + 'Install it: apt-get install chromium (or set CHROMIUM_PATH to a Chromium or Chrome binary).');
    }
    const profile = await mkdtemp(join(tmpdir(), 'mail-page-chromium-'));
    // --no-sandbox: CI containers run as root, where Chromium's own sandbox cannot start.
    const child = spawn(binary, ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    });
    return new HeadlessChromium(child, profile);
  }

  /** Sends a DevTools command (to a page when `sessionId` is given) and resolves with its result. */
  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
    const id = ++this.lastId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  /** Resolves on the next event of that method in that session. */
  nextEvent(method: string, sessionId: string): Promise<Record<string, unknown>> {
    return new Promise((resolve) => {
      const listener = (name: string, params: Record<string, unknown>, from: string | undefined) => {
        if (name !== method || from !== sessionId) return;
        this.eventListeners.delete(listener);
        resolve(params);
      };
      this.eventListeners.add(listener);
    });
  }

  /** Every event from now on, until the returned function is called. */
  onEvent(listener: (method: string, params: Record<string, unknown>, sessionId: string | undefined) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /**
   * A new tab, attached, with Page and Runtime events on. Frames Chromium runs in a process of
   * their own (a sandboxed iframe is one) are attached too, so a test can look into them.
   */
  async newPage(): Promise<BrowserPage> {
    const { targetId } = await this.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    const page = new BrowserPage(this, sessionId);
    await this.send('Page.enable', {}, sessionId);
    await this.send('Runtime.enable', {}, sessionId);
    await this.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true }, sessionId);
    return page;
  }

  async close(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
    }
    await this.gone;
    await rm(this.profile, { recursive: true, force: true });
  }

  private receive(message: Record<string, unknown>): void {
    if (typeof message.id === 'number') {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      const error = message.error as { message: string } | undefined;
      if (error) waiting?.reject(new Error(`DevTools: ${error.message}`));
      else waiting?.resolve(message.result);
      return;
    }
    for (const listener of [...this.eventListeners]) listener(message.method as string, (message.params ?? {}) as Record<string, unknown>, message.sessionId as string | undefined);
  }
}

export class BrowserPage {
  private readonly browser: HeadlessChromium;
  readonly sessionId: string;
  /** DevTools sessions of this page's out-of-process frames, by frame (target) id. */
  private readonly frameSessions = new Map<string, string>();

  constructor(browser: HeadlessChromium, sessionId: string) {
    this.browser = browser;
    this.sessionId = sessionId;
    browser.onEvent((method, params, from) => {
      if (method !== 'Target.attachedToTarget' || from !== sessionId) return;
      const info = params.targetInfo as { targetId: string; type: string };
      if (info.type === 'iframe') this.frameSessions.set(info.targetId, params.sessionId as string);
    });
  }

  /** Sends a command to an out-of-process frame of this page, by its frame id. */
  sendToFrame<T = Record<string, unknown>>(frameId: string, method: string, params: Record<string, unknown> = {}): Promise<T> {
    const session = this.frameSessions.get(frameId);
    if (!session) throw new Error(`Frame ${frameId} runs in this page's process or is not attached; attached: ${[...this.frameSessions.keys()].join(', ') || 'none'}`);
    return this.browser.send<T>(method, params, session);
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    return this.browser.send<T>(method, params, this.sessionId);
  }

  async goto(url: string): Promise<void> {
    const loaded = this.browser.nextEvent('Page.loadEventFired', this.sessionId);
    await this.send('Page.navigate', { url });
    await loaded;
  }

  /** Runs an expression in the page (awaiting a promise) and returns its JSON value; a page error throws. */
  async evaluate<T>(expression: string): Promise<T> {
    const result = await this.send<{ result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } }>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (result.exceptionDetails) throw new Error(`In the page: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    return result.result.value as T;
  }

  /**
   * Resolves once `condition` (a page expression) is truthy, re-checked on every DOM change:
   * driven by the page's own events, never by a timer. The test's timeout guards a hang.
   */
  waitFor<T>(condition: string): Promise<T> {
    return this.evaluate<T>(`new Promise((resolve) => {
      const check = () => { const value = (${condition}); if (value) { observer.disconnect(); resolve(value); } };
      const observer = new MutationObserver(check);
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      check();
    })`);
  }
}
