import { canAccessCustomer, customerScope, type Principal } from './access.js';
import { displayPrefix, generateApiKeySecret, hashApiKeySecret } from './api-key-secret.js';

const principal = (role: Principal['role'], customerIds: string[] = []): Principal => ({
  keyId: 'k',
  name: 'key',
  role,
  customerIds,
});

describe('customer access', () => {
  it('lets admin and agent keys see every customer', () => {
    expect(canAccessCustomer(principal('admin'), 'c1')).toBe(true);
    expect(canAccessCustomer(principal('agent'), 'c1')).toBe(true);
    expect(customerScope(principal('agent'))).toBeNull();
  });

  it('limits integration keys to their customers', () => {
    const integration = principal('integration', ['c1', 'c2']);
    expect(canAccessCustomer(integration, 'c2')).toBe(true);
    expect(canAccessCustomer(integration, 'c3')).toBe(false);
    expect(customerScope(integration)).toEqual(['c1', 'c2']);
  });
});

describe('API key secrets', () => {
  it('are long, random and recognisable', () => {
    const first = generateApiKeySecret();
    const second = generateApiKeySecret();
    expect(first).toMatch(/^cbk_[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
  });

  it('hash deterministically to SHA-256 hex', () => {
    expect(hashApiKeySecret('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('show only a short prefix of generated keys and nothing of chosen ones', () => {
    const secret = generateApiKeySecret();
    expect(displayPrefix(secret)).toBe(secret.slice(0, 10));
    expect(displayPrefix('an-operator-chosen-bootstrap-secret')).toBe('bootstrap');
  });
});
