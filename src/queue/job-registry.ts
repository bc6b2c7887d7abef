import type { JobName } from './queue.types.js';

export type JobHandler = (data: unknown) => Promise<unknown>;

export interface DiscoveredHandler {
  job: JobName;
  owner: string;
  handle: JobHandler;
}

export class JobRegistryError extends Error {}

/**
 * The handler of every job name: exactly one each. Building it fails when a job has no handler,
 * two handlers, or a handler names an unknown job — so such a mistake stops boot, not a job.
 */
export class JobRegistry {
  private constructor(private readonly handlers: ReadonlyMap<JobName, JobHandler>) {}

  static build(jobs: readonly JobName[], discovered: readonly DiscoveredHandler[]): JobRegistry {
    const problems: string[] = [];
    const handlers = new Map<JobName, JobHandler>();
    for (const job of jobs) {
      const owners = discovered.filter((handler) => handler.job === job);
      if (owners.length === 0) problems.push(`job "${job}" has no @OnJob handler`);
      if (owners.length > 1) {
        problems.push(
          `job "${job}" has ${owners.length} handlers: ${owners.map((owner) => owner.owner).join(', ')}`,
        );
      }
      if (owners.length === 1) handlers.set(job, owners[0].handle);
    }
    for (const handler of discovered) {
      if (!jobs.includes(handler.job)) problems.push(`${handler.owner} handles unknown job "${handler.job}"`);
    }
    if (problems.length > 0)
      throw new JobRegistryError(`Invalid job handlers:\n  - ${problems.join('\n  - ')}`);
    return new JobRegistry(handlers);
  }

  handlerOf(job: string): JobHandler {
    const handler = this.handlers.get(job as JobName);
    if (!handler) throw new JobRegistryError(`no handler for job "${job}"`);
    return handler;
  }

  get jobs(): JobName[] {
    return [...this.handlers.keys()];
  }
}
