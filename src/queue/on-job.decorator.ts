import { SetMetadata } from '@nestjs/common';
import type { JobName } from './queue.types.js';

export const JOB_HANDLER = 'casebridge:job-handler';

/**
 * Marks the method that handles a job. Handlers are thin: typed data in, one service call. They
 * must be idempotent: a job may run again after a worker crash or a Redis failover.
 */
export const OnJob = (name: JobName) => SetMetadata(JOB_HANDLER, name);
