import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
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
  providers: [JobQueue, QueueWorkers],
  exports: [JobQueue],
})
export class QueueModule {}
