import { JobRegistry, JobRegistryError } from './job-registry.js';
import type { JobName } from './queue.types.js';

// The registry only compares names; these stand in for real JobName members.
const first = 'first-job' as JobName;
const second = 'second-job' as JobName;
const handler = (result: string) => () => Promise.resolve(result);

describe('JobRegistry', () => {
  it('dispatches each job to its one handler', async () => {
    const registry = JobRegistry.build(
      [first, second],
      [
        { job: first, owner: 'A.first', handle: handler('one') },
        { job: second, owner: 'B.second', handle: handler('two') },
      ],
    );
    await expect(registry.handlerOf(second)({})).resolves.toBe('two');
    expect(registry.jobs).toEqual([first, second]);
  });

  it('refuses to build when a job has no handler', () => {
    expect(() =>
      JobRegistry.build([first, second], [{ job: first, owner: 'A.first', handle: handler('') }]),
    ).toThrow(/job "second-job" has no @OnJob handler/);
  });

  it('refuses to build when a job has two handlers', () => {
    expect(() =>
      JobRegistry.build(
        [first],
        [
          { job: first, owner: 'A.first', handle: handler('') },
          { job: first, owner: 'B.again', handle: handler('') },
        ],
      ),
    ).toThrow(/job "first-job" has 2 handlers: A.first, B.again/);
  });

  it('refuses a handler for a job that does not exist', () => {
    expect(() => JobRegistry.build([], [{ job: first, owner: 'A.first', handle: handler('') }])).toThrow(
      JobRegistryError,
    );
  });

  it('throws for an unknown job name at dispatch', () => {
    expect(() => JobRegistry.build([], []).handlerOf('nope')).toThrow(/no handler for job "nope"/);
  });
});
