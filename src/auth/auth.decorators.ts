import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AccessRole, Principal } from './domain/access.js';

export const ALLOWED_ROLES = 'casebridge:allowed-roles';
export const PUBLIC_ROUTE = 'casebridge:public-route';

/** The roles that may call a handler; a /v1 handler without it is admin-only. */
export const AllowRoles = (...roles: AccessRole[]) => SetMetadata(ALLOWED_ROLES, roles);

/** A route that needs no API key (health, docs, metrics scraping). */
export const PublicRoute = () => SetMetadata(PUBLIC_ROUTE, true);

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** The principal the guard authenticated. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route the API key guard did not authenticate');
  return principal;
});
