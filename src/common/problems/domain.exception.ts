/** What a typed domain failure becomes on the wire. */
export interface ProblemSpec {
  status: number;
  /** Short slug naming the problem type (`customer-not-found`). */
  type: string;
  title: string;
  /** Extra members of the problem document (`allowed` for a refused transition, …). */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * Base of every feature's typed failure (`CustomerException`, `ApiKeyException`, …).
 * Each subclass maps its own code enum to a problem with an exhaustive switch, so a new
 * code without a mapping does not compile; the global filter only calls `toProblem()`.
 */
export abstract class DomainException<Code extends string = string> extends Error {
  protected constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  abstract toProblem(): ProblemSpec;
}

/** Makes `switch` statements over code enums exhaustive at compile time. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled value: ${String(value)}`);
}
