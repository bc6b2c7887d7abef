import { assertNever, DomainException, type ProblemSpec } from '../common/problems/domain.exception.js';

export enum EscalationExceptionCode {
  EscalationNotFound = 'escalation_not_found',
  AlreadyOpen = 'escalation_already_open',
  WrongState = 'escalation_wrong_state',
}

export class EscalationException extends DomainException<EscalationExceptionCode> {
  constructor(
    code: EscalationExceptionCode,
    message: string,
    private readonly extensions: Record<string, unknown> = {},
  ) {
    super(code, message);
  }

  static notFound(id: string): EscalationException {
    return new EscalationException(
      EscalationExceptionCode.EscalationNotFound,
      `No escalation with id ${id}.`,
    );
  }

  toProblem(): ProblemSpec {
    switch (this.code) {
      case EscalationExceptionCode.EscalationNotFound:
        return { status: 404, type: 'escalation-not-found', title: 'No such escalation' };
      case EscalationExceptionCode.AlreadyOpen:
        return {
          status: 409,
          type: 'escalation-already-open',
          title: 'The case already has an open escalation',
          extensions: this.extensions,
        };
      case EscalationExceptionCode.WrongState:
        return {
          status: 409,
          type: 'escalation-wrong-state',
          title: 'The escalation is not in a state that allows this',
          extensions: this.extensions,
        };
      default:
        return assertNever(this.code);
    }
  }
}
