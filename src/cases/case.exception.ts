import { assertNever, DomainException, type ProblemSpec } from '../common/problems/domain.exception.js';
import type { CaseStatus } from './domain/case.types.js';

export enum CaseExceptionCode {
  CaseNotFound = 'case_not_found',
  ExternalRefTaken = 'external_ref_taken',
  TransitionNotAllowed = 'transition_not_allowed',
  CaseClosed = 'case_closed',
  StaleVersion = 'stale_version',
  IfMatchRequired = 'if_match_required',
  IdempotencyKeyReused = 'idempotency_key_reused',
}

export class CaseException extends DomainException<CaseExceptionCode> {
  constructor(
    code: CaseExceptionCode,
    message: string,
    private readonly extensions: Record<string, unknown> = {},
  ) {
    super(code, message);
  }

  static notFound(id: string): CaseException {
    return new CaseException(CaseExceptionCode.CaseNotFound, `No case with id ${id}.`);
  }

  static transitionNotAllowed(from: CaseStatus, to: CaseStatus, allowed: CaseStatus[]): CaseException {
    return new CaseException(
      CaseExceptionCode.TransitionNotAllowed,
      `A ${from} case cannot become ${to}; it may become: ${allowed.join(', ') || 'nothing (it is final)'}.`,
      { status: from, allowed },
    );
  }

  toProblem(): ProblemSpec {
    switch (this.code) {
      case CaseExceptionCode.CaseNotFound:
        return { status: 404, type: 'case-not-found', title: 'No such case' };
      case CaseExceptionCode.ExternalRefTaken:
        return {
          status: 409,
          type: 'external-ref-taken',
          title: 'This customer already has a case with this externalRef',
          extensions: this.extensions,
        };
      case CaseExceptionCode.TransitionNotAllowed: {
        const { status, ...rest } = this.extensions;
        return {
          status: 409,
          type: 'transition-not-allowed',
          title: 'The case cannot move to that status',
          extensions: { currentStatus: status, ...rest },
        };
      }
      case CaseExceptionCode.CaseClosed:
        return { status: 409, type: 'case-closed', title: 'The case is closed' };
      case CaseExceptionCode.StaleVersion:
        return {
          status: 412,
          type: 'stale-version',
          title: 'The case has changed since you read it',
          extensions: this.extensions,
        };
      case CaseExceptionCode.IfMatchRequired:
        return { status: 428, type: 'if-match-required', title: 'Send If-Match with the ETag you read' };
      case CaseExceptionCode.IdempotencyKeyReused:
        return {
          status: 422,
          type: 'idempotency-key-reused',
          title: 'This Idempotency-Key was used with another request',
        };
      default:
        return assertNever(this.code);
    }
  }
}
