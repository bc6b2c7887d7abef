export const ACCESS_ROLES = ['admin', 'agent', 'integration'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

/** Who is calling: the API key that authenticated the request. */
export interface Principal {
  keyId: string;
  name: string;
  role: AccessRole;
  /** The customers an integration key is scoped to; empty (= all customers) for admin and agent keys. */
  customerIds: readonly string[];
}

/** Admin and agent keys see every customer; an integration key only the customers it is scoped to. */
export function canAccessCustomer(principal: Principal, customerId: string): boolean {
  return principal.role !== 'integration' || principal.customerIds.includes(customerId);
}

/** The customer ids a listing must be restricted to, or null when the principal sees all customers. */
export function customerScope(principal: Principal): readonly string[] | null {
  return principal.role === 'integration' ? principal.customerIds : null;
}
