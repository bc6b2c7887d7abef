import { assertNever, DomainException, type ProblemSpec } from '../common/problems/domain.exception.js';

export enum ServiceHealthExceptionCode {
  IncidentNotFound = 'incident_not_found',
  ExternalIdTaken = 'external_id_taken',
}

export class ServiceHealthException extends DomainException<ServiceHealthExceptionCode> {
  constructor(
    code: ServiceHealthExceptionCode,
    message: string,
    private readonly extensions: Record<string, unknown> = {},
  ) {
    super(code, message);
  }

  toProblem(): ProblemSpec {
    switch (this.code) {
      case ServiceHealthExceptionCode.IncidentNotFound:
        return { status: 404, type: 'incident-not-found', title: 'No such service incident' };
      case ServiceHealthExceptionCode.ExternalIdTaken:
        return {
          status: 409,
          type: 'incident-external-id-taken',
          title: 'An incident with this externalId exists',
          extensions: this.extensions,
        };
      default:
        return assertNever(this.code);
    }
  }
}
