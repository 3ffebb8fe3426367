import http from 'node:http';

/**
 * A lean HTTP client over keep-alive connections (node:http with an Agent): it
 * leaves the machine's second core to the server rather than to the client.
 */
export interface ApiResponse {
  status: number;
  body: string;
  ms: number;
}

export class ApiClient {
  private readonly agent: http.Agent;
  private readonly url: URL;
  private token: string | null = null;

  constructor(baseUrl: string, connections: number) {
    this.url = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  }

  async login(username: string, password: string): Promise<void> {
    const response = await this.request('POST', '/api/v1/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${response.body}`);
    this.token = (JSON.parse(response.body) as { token: string }).token;
  }

  request(method: string, path: string, body?: unknown): Promise<ApiResponse> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: http.OutgoingHttpHeaders = {};
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (payload) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = payload.length;
    }
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request({ host: this.url.hostname, port: this.url.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), ms: performance.now() - started }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Run task(0 … count-1) with at most `concurrency` in flight. */
export async function runConcurrently(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

export interface LoadResult {
  requests: number;
  failed: number;
  seconds: number;
  perSec: number;
  latenciesMs: number[];
  firstFailure?: string;
}

/** POST every body at the given concurrency; throughput counts the 201s only. */
export async function postAll(client: ApiClient, path: string, bodies: readonly unknown[], concurrency: number): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  let failed = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  await runConcurrently(bodies.length, concurrency, async (i) => {
    const response = await client.request('POST', path, bodies[i]);
    if (response.status === 201) latenciesMs.push(response.ms);
    else {
      failed++;
      firstFailure ??= `${response.status} ${response.body.slice(0, 300)}`;
    }
  });
  const seconds = (performance.now() - started) / 1000;
  return { requests: bodies.length, failed, seconds, perSec: latenciesMs.length / seconds, latenciesMs, firstFailure };
}

/** GET each path in turn, one at a time: latency without queueing. Non-200 answers fail the run. */
export async function getEach(client: ApiClient, paths: readonly string[]): Promise<{ path: string; ms: number; items: number }[]> {
  const results = [];
  for (const path of paths) {
    const response = await client.request('GET', path);
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${response.body.slice(0, 300)}`);
    results.push({ path, ms: response.ms, items: (JSON.parse(response.body) as { items: unknown[] }).items.length });
  }
  return results;
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
