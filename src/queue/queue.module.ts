import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { Environment } from '../config/environment.js';
import { redisOptionsFromUrl } from '../redis/redis-options.js';
import { ALL_QUEUES } from './job-definitions.js';
import { JobQueue } from './job-queue.service.js';
import { QueueWorkers } from './queue-workers.service.js';

@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [Environment],
      useFactory: (environment: Environment) => ({
        connection: redisOptionsFromUrl(environment.REDIS_URL),
        prefix: environment.QUEUE_PREFIX,
      }),
    }),
    BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
  ],
  providers: [
    {
      provide: JobQueue,
      inject: ALL_QUEUES.map((name) => getQueueToken(name)),
      useFactory: (...queues: Queue[]) =>
        new JobQueue(new Map(ALL_QUEUES.map((name, index) => [name, queues[index]]))),
    },
    QueueWorkers,
  ],
  exports: [JobQueue],
})
export class QueueModule {}
