// A minimal Language Server Protocol client for tests: it starts the real yaml-language-server
// on stdio, as an editor does, and speaks JSON-RPC with Content-Length framing. Written here
// rather than taken from vscode-jsonrpc, which is only a transitive dependency of the server.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Json = unknown;
interface Message { id?: number | string; method?: string; params?: Json; result?: Json; error?: { message: string } }
export interface Position { line: number; character: number }
export interface Diagnostic { range: { start: Position; end: Position }; message: string; severity?: number }
export interface CompletionItem { label: string; detail?: string; documentation?: string | { kind: string; value: string }; insertText?: string; kind?: number }

const timeoutMs = 20_000;

/** The server's entry script, found through its package.json so no bin shim is involved. */
function serverScript(): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('yaml-language-server/package.json');
  return join(dirname(packageJson), 'bin', 'yaml-language-server');
}

export class LspClient {
  private readonly server: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: Json) => void; reject: (e: Error) => void }>();
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly diagnosticWaiters: (() => void)[] = [];
  private stderr = '';

  /** `settings` is what the client answers to workspace/configuration, keyed by section. */
  constructor(private readonly settings: Record<string, Json>) {
    this.server = spawn(process.execPath, [serverScript(), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.server.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.server.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.server.on('exit', (code) => {
      for (const { reject } of this.pending.values()) reject(new Error(`yaml-language-server exited (${code}): ${this.stderr}`));
      this.pending.clear();
    });
  }

  async initialize(rootDir: string): Promise<void> {
    await this.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(rootDir).href,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: {},
        },
      },
    });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: this.settings });
  }

  open(path: string, text: string): string {
    const uri = pathToFileURL(path).href;
    this.diagnostics.delete(uri);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return uri;
  }

  /** What an editor's file watcher sends when files change on disk (here: a regenerated schema). */
  filesChanged(paths: string[]): void {
    this.notify('workspace/didChangeWatchedFiles', { changes: paths.map((path) => ({ uri: pathToFileURL(path).href, type: 2 })) });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = (await this.request('textDocument/completion', { textDocument: { uri }, position })) as { items: CompletionItem[] } | CompletionItem[] | null;
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  async hover(uri: string, position: Position): Promise<string> {
    const result = (await this.request('textDocument/hover', { textDocument: { uri }, position })) as { contents: { value: string } | string } | null;
    if (!result) return '';
    return typeof result.contents === 'string' ? result.contents : result.contents.value;
  }

  /** The first diagnostics published for the document that satisfy `ready` (the server publishes an empty set before its schema loads). */
  async diagnosticsFor(uri: string, ready: (d: Diagnostic[]) => boolean = (d) => d.length > 0): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = this.diagnostics.get(uri);
      if (current && ready(current)) return current;
      if (Date.now() > deadline) throw new Error(`no diagnostics for ${uri}; last: ${JSON.stringify(current)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.diagnosticWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    if (this.server.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.server.once('exit', () => resolve()));
    await this.request('shutdown', null).catch(() => undefined);
    this.notify('exit', null);
    const timer = setTimeout(() => this.server.kill(), 2_000);
    await exited;
    clearTimeout(timer);
  }

  private request(method: string, params: Json): Promise<Json> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method} timed out; server stderr: ${this.stderr}`)), timeoutMs);
      this.pending.set(id, {
        resolve: (value) => (clearTimeout(timer), resolve(value)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      this.send({ id, method, params });
    });
  }

  private notify(method: string, params: Json): void {
    this.send({ method, params });
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.server.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const message = JSON.parse(this.buffer.subarray(start, start + length).toString('utf8')) as Message;
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method === undefined && typeof message.id === 'number') {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result ?? null);
    } else if (message.method !== undefined && message.id !== undefined) {
      this.send({ id: message.id, result: this.answer(message.method, message.params) });
    } else if (message.method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = message.params as { uri: string; diagnostics: Diagnostic[] };
      this.diagnostics.set(uri, diagnostics);
      for (const wake of this.diagnosticWaiters.splice(0)) wake();
    }
  }

  /** Requests from the server: configuration comes from `settings`; the rest (capability registration, …) needs no answer beyond null. */
  private answer(method: string, params: Json): Json {
    if (method !== 'workspace/configuration') return null;
    return (params as { items: { section?: string }[] }).items.map(({ section }) => (section === undefined ? this.settings : this.settings[section] ?? null));
  }
}
