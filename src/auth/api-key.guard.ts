import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestException, RequestExceptionCode } from '../common/problems/request-exception.js';
import { ApiKeysService } from './api-keys.service.js';
import { ALLOWED_ROLES, type AuthenticatedRequest, PUBLIC_ROUTE } from './auth.decorators.js';
import type { AccessRole } from './domain/access.js';

const BEARER = /^Bearer\s+(\S{1,512})\s*$/i;

/**
 * Guards every route: a route is public only when marked so; otherwise it needs an active API key
 * (401 without one) whose role the route allows (403). Routes that name no roles are admin-only.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    if (context.getType() !== 'http') return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) {
      throw new RequestException(
        RequestExceptionCode.Unauthenticated,
        'Send an API key as "Authorization: Bearer <key>".',
      );
    }
    const principal = await this.apiKeys.authenticate(match[1]);
    if (!principal) {
      throw new RequestException(RequestExceptionCode.Unauthenticated, 'The API key is unknown or revoked.');
    }
    request.principal = principal;

    const allowed = this.reflector.getAllAndOverride<AccessRole[] | undefined>(ALLOWED_ROLES, targets) ?? [
      'admin',
    ];
    if (!allowed.includes(principal.role)) {
      throw new RequestException(
        RequestExceptionCode.Forbidden,
        `A ${principal.role} key may not do this; it needs one of: ${allowed.join(', ')}.`,
      );
    }
    return true;
  }
}
