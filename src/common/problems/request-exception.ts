import { assertNever, DomainException, type ProblemSpec } from './domain.exception.js';
import type { FieldError } from './problem-document.js';

export enum RequestExceptionCode {
  ValidationFailed = 'validation_failed',
  MalformedBody = 'malformed_body',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
}

/** Failures of the request itself, before any feature logic runs. */
export class RequestException extends DomainException<RequestExceptionCode> {
  constructor(
    code: RequestExceptionCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(code, message);
  }

  static validation(fieldErrors: FieldError[]): RequestException {
    return new RequestException(
      RequestExceptionCode.ValidationFailed,
      fieldErrors.length === 1
        ? `${fieldErrors[0].field}: ${fieldErrors[0].message}`
        : `${fieldErrors.length} fields are invalid`,
      fieldErrors,
    );
  }

  toProblem(): ProblemSpec {
    switch (this.code) {
      case RequestExceptionCode.ValidationFailed:
        return {
          status: 400,
          type: 'validation-failed',
          title: 'The request is invalid',
          extensions: { errors: this.fieldErrors },
        };
      case RequestExceptionCode.MalformedBody:
        return { status: 400, type: 'malformed-body', title: 'The request body is malformed' };
      case RequestExceptionCode.Unauthenticated:
        return {
          status: 401,
          type: 'unauthenticated',
          title: 'Authentication is required',
          headers: { 'www-authenticate': 'Bearer realm="casebridge"' },
        };
      case RequestExceptionCode.Forbidden:
        return { status: 403, type: 'forbidden', title: 'This key may not do that' };
      default:
        return assertNever(this.code);
    }
  }
}
