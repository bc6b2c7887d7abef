// Benchmark of issue #4: breach lag with 100,000 running clocks, breaches after a Redis flush, and
// the CPU an idle worker spends on 100,000 running clocks.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import {
  buildIfStale,
  cpuTimeMs,
  deleteRedisKeys,
  freshInstallation,
  percentile,
  printTable,
  REDIS_URL,
  round,
  startService,
  withDatabase,
} from './support.mjs';

const RUNNING_CLOCKS = Number(process.env.BENCH_RUNNING_CLOCKS ?? 100_000);
const DUE_CASES = Number(process.env.BENCH_DUE_CASES ?? 1000);
const SWEEP_INTERVAL_MS = Number(process.env.BENCH_SLA_SWEEP_INTERVAL_MS ?? 10_000);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 30);
const MINUTE = 60_000;

const log = (message) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);

async function waitUntil(description, probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** 100,000 open cases with their `opened` events, written with SQL; the worker then computes their clocks. */
async function seedRunningClocks(databaseUrl, customerIds) {
  await withDatabase(databaseUrl, async (client) => {
    const batch = 20_000;
    for (let from = 1; from <= RUNNING_CLOCKS; from += batch) {
      await client.query(
        `WITH c AS (
           INSERT INTO cases (customer_id, title, description, category_source, severity, severity_source, source,
                              reported_at, sla_policy_version_id)
           SELECT ($3::uuid[])[1 + n % array_length($3::uuid[], 1)], 'Running clock ' || n, 'Bench case ' || n, 'none',
                  (ARRAY['A','B','C'])[1 + n % 3], 'explicit', 'integration', now(),
                  (SELECT current_version_id FROM sla_policies WHERE is_default)
           FROM generate_series($1::int, $2::int) AS n
           RETURNING id, created_at, reported_at, severity
         )
         INSERT INTO case_events (case_id, type, at, actor, data)
         SELECT id, 'opened', created_at, '{"type":"system","id":null,"name":"bench"}',
                jsonb_build_object('reportedAt', to_char(reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                   'severity', severity)
         FROM c`,
        [from, Math.min(from + batch - 1, RUNNING_CLOCKS), customerIds],
      );
    }
  });
}

const evaluatedCount = (databaseUrl) =>
  withDatabase(databaseUrl, async (client) => {
    const { rows } = await client.query(
      `SELECT count(*)::int AS evaluated FROM cases WHERE sla_evaluated_version = version AND sla_next_check_at IS NOT NULL`,
    );
    return rows[0].evaluated;
  });

/**
 * Waits until the worker has nothing left to do: every event published and no queue holding a job
 * that is waiting or running (delayed timers stay), so the idle window measures idling, not backlog.
 */
async function waitForQuiet(databaseUrl, redis, prefix) {
  const queueNames = async () => {
    const keys = await redis.keys(`${prefix}:*:meta`);
    return keys.map((key) => key.slice(prefix.length + 1, -':meta'.length));
  };
  await waitUntil(
    'the worker to finish its backlog',
    async () => {
      const unpublished = await withDatabase(
        databaseUrl,
        async (client) =>
          (await client.query(`SELECT count(*)::int AS n FROM case_events WHERE published_at IS NULL`))
            .rows[0].n,
      );
      if (unpublished > 0) return false;
      for (const name of await queueNames()) {
        // A queue on the shared connection: closing it leaves the connection open.
        const queue = new Queue(name, { prefix, connection: redis });
        const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
        await queue.close();
        if (counts.waiting + counts.active + counts.prioritized > 0) return false;
      }
      return true;
    },
    30 * MINUTE,
  );
}

/** Percent of one core the worker spends over the idle window. */
async function idleCpuPercent(worker) {
  const cpuBefore = cpuTimeMs(worker.pid);
  await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
  return ((cpuTimeMs(worker.pid) - cpuBefore) / (IDLE_SECONDS * 1000)) * 100;
}

/** Opens `count` severity-A cases whose first response falls due 5-30 s from now; answers their due instants. */
async function openCasesDueSoon(api, customerId, count) {
  const dueAt = new Map();
  const start = Date.now();
  for (let index = 0; index < count; index += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - index) }, async () => {
        const due = Date.now() + 5000 + Math.floor(Math.random() * 25_000);
        const reportedAt = new Date(due - 60 * MINUTE);
        const opened = await api('POST', '/v1/cases', {
          customerId,
          title: 'Production database unreachable',
          description: 'All application servers lose their connection.',
          severity: 'A',
          reportedAt: reportedAt.toISOString(),
        });
        dueAt.set(opened.id, Date.parse(opened.reportedAt) + 60 * MINUTE);
      }),
    );
  }
  log(`opened ${count} cases due within 30 s in ${round((Date.now() - start) / 1000)} s`);
  return dueAt;
}

/** Waits for every breach, then answers lags (ms), missing and duplicated counts. */
async function collectBreaches(databaseUrl, dueAt, timeoutMs) {
  const ids = [...dueAt.keys()];
  const deadline = Date.now() + timeoutMs;
  let rows;
  for (;;) {
    rows = await withDatabase(
      databaseUrl,
      async (client) =>
        (
          await client.query(
            `SELECT case_id, at, data->>'dueAt' AS due FROM case_events
           WHERE type = 'sla_breached' AND data->>'metric' = 'first_response' AND case_id = ANY($1::uuid[])`,
            [ids],
          )
        ).rows,
    );
    if (new Set(rows.map((row) => row.case_id)).size === ids.length || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const perCase = new Map();
  for (const row of rows) perCase.set(row.case_id, (perCase.get(row.case_id) ?? 0) + 1);
  const lags = rows
    .map((row) => row.at.getTime() - dueAt.get(row.case_id))
    .sort((left, right) => left - right);
  return {
    recorded: perCase.size,
    missing: ids.length - perCase.size,
    duplicated: [...perCase.values()].filter((count) => count > 1).length,
    lags,
  };
}

async function main() {
  buildIfStale();
  const database = await freshInstallation('sla');
  const prefix = database.queuePrefix;
  const common = {
    DATABASE_URL: database.url,
    QUEUE_PREFIX: prefix,
    SLA_SWEEP_INTERVAL_MS: String(SWEEP_INTERVAL_MS),
  };
  const api = await startService({ ...common, ROLE: 'api' });
  const worker = await startService({ ...common, ROLE: 'worker' });
  try {
    const customerIds = [];
    for (let index = 0; index < 20; index += 1) {
      customerIds.push(
        (await api.api('POST', '/v1/customers', { name: `Bench ${index}`, tenantId: randomUUID() })).id,
      );
    }

    const redis = new Redis(REDIS_URL);
    await waitForQuiet(database.url, redis, prefix);
    log(`idle: measuring the worker's CPU with no clocks for ${IDLE_SECONDS} s`);
    const baselineCpuPercent = await idleCpuPercent(worker);

    log(`seeding ${RUNNING_CLOCKS.toLocaleString('en')} running clocks`);
    const seedStart = Date.now();
    await seedRunningClocks(database.url, customerIds);
    await waitUntil(
      'every clock to be computed and its timer scheduled',
      async () => (await evaluatedCount(database.url)) >= RUNNING_CLOCKS,
      30 * MINUTE,
    );
    const seedSeconds = (Date.now() - seedStart) / 1000;
    log(`${RUNNING_CLOCKS.toLocaleString('en')} clocks computed and scheduled in ${round(seedSeconds)} s`);

    await waitForQuiet(database.url, redis, prefix);
    const delayedTimers = await redis.zcard(`${prefix}:sla:delayed`);
    log(
      `idle: measuring the worker's CPU with ${RUNNING_CLOCKS.toLocaleString('en')} clocks for ${IDLE_SECONDS} s`,
    );
    const loadedCpuPercent = await idleCpuPercent(worker);

    log('round 1: breaches with timers');
    const firstDue = await openCasesDueSoon(api.api, customerIds[0], DUE_CASES);
    const first = await collectBreaches(database.url, firstDue, 3 * MINUTE);

    log('round 2: Redis flushed 10 s into the round');
    const secondDue = await openCasesDueSoon(api.api, customerIds[1], DUE_CASES);
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    log(`flushed ${await deleteRedisKeys(`${prefix}:*`)} keys of this installation from Redis`);
    const second = await collectBreaches(database.url, secondDue, 5 * MINUTE);
    redis.disconnect();

    printTable(
      `SLA breaches with ${RUNNING_CLOCKS.toLocaleString('en')} running clocks (${delayedTimers.toLocaleString('en')} delayed timers in Redis), ${DUE_CASES} cases due within 30 s`,
      [
        {
          round: 'timers',
          recorded: first.recorded,
          missing: first.missing,
          duplicated: first.duplicated,
          'lag p50 ms': percentile(first.lags, 50),
          'lag p99 ms': percentile(first.lags, 99),
          'lag max ms': first.lags.at(-1),
        },
        {
          round: `Redis flushed (sweeper every ${SWEEP_INTERVAL_MS / 1000} s)`,
          recorded: second.recorded,
          missing: second.missing,
          duplicated: second.duplicated,
          'lag p50 ms': percentile(second.lags, 50),
          'lag p99 ms': percentile(second.lags, 99),
          'lag max ms': second.lags.at(-1),
        },
      ],
    );
    printTable(`Idle worker (sweeper every ${SWEEP_INTERVAL_MS / 1000} s, backlog drained first)`, [
      {
        'running clocks': 0,
        'CPU over the window': `${round(baselineCpuPercent, 2)} % of one core`,
        window: `${IDLE_SECONDS} s`,
        'clocks computed + scheduled in': '-',
      },
      {
        'running clocks': RUNNING_CLOCKS,
        'CPU over the window': `${round(loadedCpuPercent, 2)} % of one core`,
        window: `${IDLE_SECONDS} s`,
        'clocks computed + scheduled in': `${round(seedSeconds)} s`,
      },
    ]);
    process.stdout.write(
      "\nlag = the breach event's time (its recording transaction) − the due instant; timers fire at due + 1 ms.\n",
    );
  } finally {
    await worker.stop();
    await api.stop();
    await database.drop();
  }
}

await main();
