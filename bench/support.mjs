// Shared pieces of the benchmarks: a fresh database, the compiled service as a child process,
// autocannon runs with exact percentiles, and table printing.
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export const ROOT = join(import.meta.dirname, '..');
export const SERVER_URL = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function buildIfStale() {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-if-stale.mjs')], { stdio: 'inherit' });
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export async function withDatabase(databaseUrl, work) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** CPU time (user + system) a process has used so far, in milliseconds (Linux /proc). */
export function cpuTimeMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticksPerSecond = 100;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

export async function withAdmin(databaseUrl, work) {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A database and a Redis key prefix of its own for one benchmark run; `drop()` removes both, so runs
 * leave nothing behind (thousands of delayed SLA timers per run would otherwise pile up in Redis).
 */
export async function freshInstallation(label) {
  const suffix = randomBytes(3).toString('hex');
  const name = `casebridge_bench_${label}_${suffix}`;
  const url = `${SERVER_URL}/${name}`;
  const queuePrefix = `cbbench_${suffix}`;
  return {
    name,
    url,
    queuePrefix,
    async drop() {
      await withAdmin(url, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      await deleteRedisKeys(`${queuePrefix}:*`);
    },
  };
}

/** Deletes every Redis key matching a pattern, in batches (SCAN, never KEYS on a shared Redis). */
export async function deleteRedisKeys(pattern) {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 });
  try {
    let deleted = 0;
    for await (const keys of redis.scanStream({ match: pattern, count: 1000 })) {
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    }
    return deleted;
  } finally {
    redis.disconnect();
  }
}

/**
 * Starts dist/src/main.js and waits for /health/ready (an `api` or `all` process), or for its
 * notification listener to connect to PostgreSQL (a `worker` process, which serves no HTTP).
 */
export async function startService(environment) {
  const port = await freePort();
  const adminKey = environment.BOOTSTRAP_ADMIN_KEY ?? `bench-admin-${randomBytes(16).toString('hex')}`;
  const isWorker = environment.ROLE === 'worker';
  const nodeArguments = environment.NODE_ARGUMENTS ? environment.NODE_ARGUMENTS.split(' ') : [];
  delete environment.NODE_ARGUMENTS;
  const child = spawn(process.execPath, [...nodeArguments, join(ROOT, 'dist', 'src', 'main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      REDIS_URL,
      BOOTSTRAP_ADMIN_KEY: adminKey,
      ...environment,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`service exited: ${stderr}`);
    try {
      if (isWorker) {
        const listeners = await withDatabase(environment.DATABASE_URL, (client) =>
          client.query(
            `SELECT 1 FROM pg_stat_activity WHERE application_name = 'casebridge-worker-listener'`,
          ),
        );
        if (listeners.rowCount > 0) break;
      } else if ((await fetch(`${baseUrl}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`service not ready: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    adminKey,
    pid: child.pid,
    async api(method, path, body, key = adminKey) {
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
    async stop() {
      child.kill(nodeArguments.length > 0 ? 'SIGINT' : 'SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs autocannon and answers throughput, exact latency percentiles (ms) and errors. */
export async function load(options) {
  const latencies = [];
  const result = await autocannon({
    ...options,
    setupClient: (client) => {
      client.on('response', (_status, _bytes, responseTime) => latencies.push(responseTime));
      options.setupClient?.(client);
    },
  });
  latencies.sort((left, right) => left - right);
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

export function printTable(title, rows) {
  const columns = Object.keys(rows[0]);
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => String(row[column]).length)),
  );
  const line = (cells) => `| ${cells.map((cell, index) => String(cell).padEnd(widths[index])).join(' | ')} |`;
  process.stdout.write(`\n${title}\n`);
  process.stdout.write(`${line(columns)}\n|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|\n`);
  for (const row of rows) process.stdout.write(`${line(columns.map((column) => row[column]))}\n`);
}

export const round = (value, digits = 1) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);
