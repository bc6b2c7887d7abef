// Benchmark of issue #5: intake → triaged latency at a steady 200 cases/s (an api and a worker process).
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildIfStale,
  freshInstallation,
  percentile,
  printTable,
  ROOT,
  round,
  startService,
  withDatabase,
} from './support.mjs';

const RATE = Number(process.env.BENCH_PIPELINE_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_PIPELINE_SECONDS ?? 30);
const CUSTOMERS = Number(process.env.BENCH_PIPELINE_CUSTOMERS ?? 500);

const samples = readFileSync(join(ROOT, 'test', 'fixtures', 'triage-dev.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));
const articles = readFileSync(join(ROOT, 'test', 'fixtures', 'kb-articles.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));

async function main() {
  buildIfStale();
  const database = await freshInstallation('pipeline');
  const common = { DATABASE_URL: database.url, QUEUE_PREFIX: database.queuePrefix };
  const api = await startService({ ...common, ROLE: 'api', LOG_LEVEL: 'warn' });
  const worker = await startService({
    ...common,
    ROLE: 'worker',
    LOG_LEVEL: 'warn',
    ...(process.env.BENCH_WORKER_NODE_ARGUMENTS
      ? { NODE_ARGUMENTS: process.env.BENCH_WORKER_NODE_ARGUMENTS }
      : {}),
  });
  try {
    for (const article of articles) await api.api('POST', '/v1/articles', article);
    const customers = [];
    // A reseller's customer base: cases spread over 500 customers.
    for (let index = 0; index < CUSTOMERS; index += 1) {
      customers.push(
        (await api.api('POST', '/v1/customers', { name: `Bench ${index}`, tenantId: randomUUID() })).id,
      );
    }
    let counter = 0;
    const result = await autocannon({
      url: `${api.baseUrl}/v1/cases`,
      connections: 8,
      overallRate: RATE,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          headers: { authorization: `Bearer ${api.adminKey}`, 'content-type': 'application/json' },
          setupRequest: (request) => {
            counter += 1;
            const sample = samples[counter % samples.length];
            return {
              ...request,
              body: JSON.stringify({
                customerId: customers[counter % customers.length],
                title: `${sample.title} #${counter}`,
                description: sample.description,
              }),
            };
          },
        },
      ],
    });
    const opened = await withDatabase(database.url, async (client) =>
      Number((await client.query('SELECT count(*) AS n FROM cases')).rows[0].n),
    );
    // Wait (with a deadline) for the worker to catch up, then read every latency from the timelines.
    const deadline = Date.now() + 120_000;
    let rows = [];
    for (;;) {
      rows = await withDatabase(
        database.url,
        async (client) =>
          (
            await client.query(`
            SELECT extract(epoch FROM (t.at - c.created_at)) * 1000 AS latency_ms
            FROM cases c JOIN case_events t ON t.case_id = c.id AND t.type = 'triaged'`)
          ).rows,
      );
      if (rows.length >= opened || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const latencies = rows.map((row) => Number(row.latency_ms)).sort((left, right) => left - right);
    printTable(
      `Intake → triaged at ${RATE} cases/s for ${SECONDS} s (api + worker process, ${articles.length} articles)`,
      [
        {
          'cases opened': opened,
          'intake errors': result.errors + result.timeouts + result.non2xx,
          triaged: latencies.length,
          'p50 ms': round(percentile(latencies, 50)),
          'p95 ms': round(percentile(latencies, 95)),
          'p99 ms': round(percentile(latencies, 99)),
          'max ms': round(latencies.at(-1) ?? NaN),
          'target p95': '≤ 500',
        },
      ],
    );
    process.stdout.write(
      '\nlatency = the triaged event (committed by the worker) − the case row (committed by intake): relay + queue + triage.\n',
    );
  } finally {
    await worker.stop();
    await api.stop();
    await database.drop();
  }
}

await main();
