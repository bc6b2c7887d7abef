import { randomUUID } from 'node:crypto';
import type { Environment } from '../src/config/environment.js';
import { SimulatedVianetUpstream } from '../src/escalation/upstream/simulated-vianet.upstream.js';
import { type NewServiceRequest, UpstreamError } from '../src/escalation/upstream/vianet-upstream.js';
import { RedisClient } from '../src/redis/redis.module.js';
import { deleteQueueKeys, newTestQueuePrefix, TEST_REDIS_URL, waitFor } from './support/test-app.js';

const QUEUE_PREFIX = newTestQueuePrefix('sim');
const TENANT = randomUUID();

/** What two worker processes would each build: their own Redis connection, one shared Redis. */
function simulatorProcess(redisUrl = TEST_REDIS_URL): {
  upstream: SimulatedVianetUpstream;
  redis: RedisClient;
} {
  const environment = {
    REDIS_URL: redisUrl,
    QUEUE_PREFIX,
    VIANET_SIMULATOR_REPLY_MS: 300,
    VIANET_SIMULATOR_CLOSE_MS: 600,
  } as Environment;
  const redis = new RedisClient(environment);
  return { upstream: new SimulatedVianetUpstream(environment, redis), redis };
}

function newRequest(requestId = randomUUID(), tenantId = TENANT): NewServiceRequest {
  return {
    requestId,
    correlationId: randomUUID(),
    locale: 'zh-CN',
    reference: 'ESC-TEST',
    title: 'VMs do not start',
    description: 'Allocation failures in China North 3.',
    severity: 'critical',
    supportTopicId: '32444671',
    primaryContact: { firstName: 'Li', lastName: 'Wei', email: 'li.wei@example.cn' },
    organization: { id: tenantId, name: 'Contoso China' },
  };
}

describe('the simulated 21Vianet shared by several worker processes through Redis', () => {
  const first = simulatorProcess();
  const second = simulatorProcess();

  beforeAll(async () => {
    // The client fails fast instead of queueing commands: wait until each is connected.
    await Promise.all(
      [first.redis, second.redis].map((redis) =>
        waitFor('the Redis connection', () => (redis.status === 'ready' ? true : undefined)),
      ),
    );
  });

  afterAll(async () => {
    await Promise.all([first.redis.quit(), second.redis.quit()]);
    await deleteQueueKeys(TEST_REDIS_URL, QUEUE_PREFIX);
  });

  it('shows a request filed by one process to another, with notes both ways, until it closes', async () => {
    const created = await first.upstream.create(newRequest());
    expect(created).toEqual({ id: expect.stringMatching(/^SIM-\d{8}$/), status: 'open' });

    const [seen] = await second.upstream.list(TENANT);
    expect(seen).toMatchObject({ id: created.id, status: 'open', title: 'VMs do not start' });
    await second.upstream.addNote(created.id, 'The customer confirms all VMs.');

    const closed = await waitFor(
      'the simulated request to be answered and closed',
      async () => {
        const [request] = await first.upstream.list(TENANT);
        return request?.status === 'closed' ? request : undefined;
      },
      5000,
    );
    expect(closed.notes.map((note) => note.createdByName)).toEqual([
      'Partner',
      '21Vianet Support',
      '21Vianet Support',
    ]);
    expect(closed.notes[0].text).toBe('The customer confirms all VMs.');
    expect(await second.upstream.list(randomUUID())).toEqual([]);
  });

  it('files one request for one MS-RequestId, even when two processes send it at once', async () => {
    const tenantId = randomUUID();
    const request = newRequest(randomUUID(), tenantId);
    const [left, right] = await Promise.all([
      first.upstream.create(request),
      second.upstream.create(request),
    ]);
    expect(left.id).toBe(right.id);
    const again = await second.upstream.create({ ...request, correlationId: randomUUID() });
    expect(again.id).toBe(left.id);
    expect((await first.upstream.list(tenantId)).map((listed) => listed.id)).toEqual([left.id]);
  });

  it('completes a request whose first attempt was cut off after claiming its MS-RequestId', async () => {
    const tenantId = randomUUID();
    const request = newRequest(randomUUID(), tenantId);
    // What an attempt leaves when Redis goes away between the claim and the record.
    await first.redis.hset(
      `${QUEUE_PREFIX}:vianet-simulator:by-request-id`,
      request.requestId,
      'SIM-CUT-OFF',
    );
    const created = await second.upstream.create(request);
    expect(created).toEqual({ id: 'SIM-CUT-OFF', status: 'open' });
    expect(await first.upstream.list(tenantId)).toEqual([
      expect.objectContaining({ id: 'SIM-CUT-OFF', title: request.title, status: 'open' }),
    ]);
    await expect(first.upstream.addNote('SIM-CUT-OFF', 'still there?')).resolves.toBeUndefined();
  });

  it('refuses a note for a request it does not know', async () => {
    const error = await first.upstream.addNote('SIM-99999999', 'hello').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({ failure: 'rejected', status: 404 });
  });

  it('is unavailable, and retryable, while Redis cannot be reached', async () => {
    const unreachable = simulatorProcess('redis://127.0.0.1:1');
    try {
      const error = await unreachable.upstream.create(newRequest()).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error).toMatchObject({ failure: 'unavailable', retryable: true });
    } finally {
      unreachable.redis.disconnect();
    }
  });
});
