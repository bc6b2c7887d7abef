import { requestFingerprint } from './request-fingerprint.js';

describe('requestFingerprint', () => {
  it('is the same for the same JSON value whatever the key order', () => {
    expect(requestFingerprint({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(
      requestFingerprint({ b: { d: 'x', c: [1, 2] }, a: 1 }),
    );
  });

  it('differs when a value, an array order or a field differs', () => {
    const base = requestFingerprint({ title: 'VPN', tags: ['a', 'b'] });
    expect(requestFingerprint({ title: 'VPN ', tags: ['a', 'b'] })).not.toBe(base);
    expect(requestFingerprint({ title: 'VPN', tags: ['b', 'a'] })).not.toBe(base);
    expect(requestFingerprint({ title: 'VPN', tags: ['a', 'b'], severity: 'A' })).not.toBe(base);
  });

  it('ignores undefined members (absent fields)', () => {
    expect(requestFingerprint({ title: 'VPN', severity: undefined })).toBe(
      requestFingerprint({ title: 'VPN' }),
    );
  });
});
