import type { Principal } from '../auth/domain/access.js';
import type { CaseActor } from './domain/case.types.js';

/** The timeline's record of who acted: the API key, by role, id and name. */
export function actorOf(principal: Principal): CaseActor {
  return { type: principal.role, id: principal.keyId, name: principal.name };
}
