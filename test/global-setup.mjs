// Before the suite: build dist/ when stale (the process tests start the compiled service as `npm start`
// does), and remove what earlier runs that were killed left behind: their databases and Redis keys.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';

const DATABASE_SERVER = process.env.TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** This machine's tag in test names (as `TEST_RUN_TAG` in test/support/test-app.ts): only its leftovers go. */
const HOST_TAG = createHash('sha1').update(hostname()).digest('hex').slice(0, 6);

/** Whether a process of this machine is still running (a live run's leftovers are not leftovers). */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * `casebridge_test_<host>_<pid>_…` databases and `cbtest_<host>_<pid>_…` keys of this machine's test
 * processes that are no longer running. Other machines' names (another host tag) are left alone.
 */
async function removeLeftovers() {
  const client = new pg.Client({ connectionString: `${DATABASE_SERVER}/postgres` });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `casebridge_test_${HOST_TAG}_%`,
    ]);
    for (const { datname } of rows) {
      const pid = /^casebridge_test_[0-9a-f]{6}_(\d+)_[0-9a-f]+$/.exec(datname)?.[1];
      if (pid === undefined || isRunning(Number(pid))) continue;
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    for await (const keys of redis.scanStream({ match: `cbtest_${HOST_TAG}_*`, count: 1000 })) {
      const stale = keys.filter((key) => {
        const pid = /^cbtest_[0-9a-f]{6}_(\d+)_/.exec(key)?.[1];
        return pid !== undefined && !isRunning(Number(pid));
      });
      if (stale.length > 0) await redis.unlink(...stale);
    }
  } finally {
    redis.disconnect();
  }
}

export default async function globalSetup() {
  execFileSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'build-if-stale.mjs')], {
    stdio: 'inherit',
  });
  await removeLeftovers();
}
