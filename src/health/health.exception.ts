import { assertNever, DomainException, type ProblemSpec } from '../common/problems/domain.exception.js';

export enum HealthExceptionCode {
  NotReady = 'not_ready',
}

export class HealthException extends DomainException<HealthExceptionCode> {
  constructor(
    code: HealthExceptionCode,
    message: string,
    readonly checks: Record<string, unknown>,
  ) {
    super(code, message);
  }

  toProblem(): ProblemSpec {
    switch (this.code) {
      case HealthExceptionCode.NotReady:
        return {
          status: 503,
          type: 'not-ready',
          title: 'Not ready to serve',
          extensions: { checks: this.checks },
          headers: { 'retry-after': '5' },
        };
      default:
        return assertNever(this.code);
    }
  }
}
