import { assertNever, DomainException, type ProblemSpec } from '../common/problems/domain.exception.js';

export enum ApiKeyExceptionCode {
  ApiKeyNotFound = 'api_key_not_found',
  LastAdminKey = 'last_admin_key',
}

export class ApiKeyException extends DomainException<ApiKeyExceptionCode> {
  constructor(code: ApiKeyExceptionCode, message: string) {
    super(code, message);
  }

  toProblem(): ProblemSpec {
    switch (this.code) {
      case ApiKeyExceptionCode.ApiKeyNotFound:
        return { status: 404, type: 'api-key-not-found', title: 'No such API key' };
      case ApiKeyExceptionCode.LastAdminKey:
        return { status: 409, type: 'last-admin-key', title: 'The last active admin key cannot be revoked' };
      default:
        return assertNever(this.code);
    }
  }
}
