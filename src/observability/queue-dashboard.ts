import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiKeysService } from '../auth/api-keys.service.js';
import { ALL_QUEUES } from '../queue/job-definitions.js';
import { JobQueue } from '../queue/job-queue.service.js';

export const QUEUE_DASHBOARD_PATH = '/queues';

/** The admin key from `Authorization: Bearer <key>` or, for browsers, Basic auth with the key as password. */
function secretOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  if (bearer) return bearer[1];
  const basic = /^Basic\s+(\S+)$/i.exec(header);
  if (!basic) return null;
  const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  return separator >= 0 ? decoded.slice(separator + 1) : null;
}

function refuse(request: FastifyRequest, reply: FastifyReply, status: 401 | 403, detail: string) {
  return reply
    .status(status)
    .headers({
      'content-type': 'application/problem+json',
      ...(status === 401 ? { 'www-authenticate': 'Basic realm="CaseBridge queues", charset="UTF-8"' } : {}),
    })
    .send(
      JSON.stringify({
        type: `https://casebridge.dev/problems/${status === 401 ? 'unauthenticated' : 'forbidden'}`,
        title: status === 401 ? 'Authentication is required' : 'This key may not do that',
        status,
        detail,
        instance: request.url,
        requestId: request.id,
      }),
    );
}

/** The BullMQ dashboard (bull-board) at /queues, for admin keys only. */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const jobs = app.get(JobQueue);
  const apiKeys = app.get(ApiKeysService);
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: ALL_QUEUES.map((name) => new BullMQAdapter(jobs.queue(name))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'CaseBridge queues' } },
  });
  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', async (request, reply) => {
      const secret = secretOf(request);
      if (!secret) return refuse(request, reply, 401, 'Sign in with an admin API key (as the password).');
      const principal = await apiKeys.authenticate(secret);
      if (!principal) return refuse(request, reply, 401, 'The API key is unknown or revoked.');
      if (principal.role !== 'admin')
        return refuse(request, reply, 403, 'The queue dashboard is for admin keys.');
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
}
