import { retryDelayMs } from './retry-delay.js';
import {
  carriesReference,
  contactNames,
  escalationReference,
  handoffPacket,
  requestDescription,
  upstreamLocale,
  upstreamSeverity,
  type EscalationFacts,
} from './upstream-mapping.js';

const facts: EscalationFacts = {
  reference: 'CB-1042-0A1B2C3D',
  caseNumber: 1042,
  caseTitle: 'Virtual machines do not start',
  caseDescription: 'All VMs in China North 3 fail to start since 08:00.',
  severity: 'A',
  service: 'azure',
  customerName: 'Contoso',
  tenantId: '0b5e1b8e-5d0c-4a4e-9d61-0d3c2f1c9a11',
  reason: 'Platform fault suspected; no incident published yet.',
  triedSteps: 'Redeployed one VM; checked quotas.',
  healthCheck: {
    checkedAt: '2026-11-24T08:30:00.000Z',
    services: [
      {
        subscriptionId: 's1',
        service: 'azure',
        region: 'china-north-3',
        status: 'degraded',
        incidents: [
          { id: 'i1', title: 'Compute delays', status: 'degraded', startedAt: '2026-11-24T07:50:00.000Z' },
        ],
      },
    ],
  },
  contact: { name: 'Li Wei', email: 'li.wei@contoso.cn' },
  timeline: ['2026-11-24T08:00Z opened by CRM', '2026-11-24T08:05Z triaged'],
};

describe('the upstream mapping', () => {
  it('maps severities A/B/C to critical/moderate/minimal and locales to Partner Center paths', () => {
    expect(['A', 'B', 'C'].map((severity) => upstreamSeverity(severity as 'A'))).toEqual([
      'critical',
      'moderate',
      'minimal',
    ]);
    expect([upstreamLocale('zh'), upstreamLocale('fr'), upstreamLocale('en'), upstreamLocale(null)]).toEqual([
      'zh-CN',
      'fr-FR',
      'en-US',
      'en-US',
    ]);
  });

  it('makes a stable reference that can be found in the request again, whatever the case', () => {
    const reference = escalationReference(1042, '0a1b2c3d-0000-4000-8000-000000000000');
    expect(reference).toBe('CB-1042-0A1B2C3D');
    const description = requestDescription(facts);
    expect(carriesReference({ description: description.toUpperCase(), title: null }, reference)).toBe(true);
    expect(carriesReference({ description: 'another request', title: 'x' }, reference)).toBe(false);
  });

  it('writes problem, what was tried, the health check and our case into the description', () => {
    const description = requestDescription(facts);
    expect(description).toContain('All VMs in China North 3 fail to start');
    expect(description).toContain('Steps already tried: Redeployed one VM; checked quotas.');
    expect(description).toContain('azure china-north-3: degraded — Compute delays (degraded)');
    expect(description).toContain('Partner case: #1042 (CaseBridge reference CB-1042-0A1B2C3D)');
  });

  it('builds the portal hand-off packet as text and JSON', () => {
    const packet = handoffPacket(facts);
    expect(packet.json).toMatchObject({
      reference: 'CB-1042-0A1B2C3D',
      customer: { tenantId: facts.tenantId },
      severity: 'critical',
      contact: { email: 'li.wei@contoso.cn' },
    });
    for (const part of [
      'tenant 0b5e1b8e',
      'Severity: critical',
      'Timeline:',
      'Li Wei <li.wei@contoso.cn>',
      'Compute delays',
    ]) {
      expect(packet.text).toContain(part);
    }
  });

  it('splits contact names for Partner Center', () => {
    expect(contactNames('Li Wei')).toEqual({ firstName: 'Li', lastName: 'Wei' });
    expect(contactNames('Anne Marie Dupont')).toEqual({ firstName: 'Anne Marie', lastName: 'Dupont' });
    expect(contactNames('Admin')).toEqual({ firstName: 'Admin', lastName: 'Admin' });
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base with jitter in the upper half', () => {
    expect(retryDelayMs(1, 2000, undefined, 0)).toBe(1000);
    expect(retryDelayMs(1, 2000, undefined, 1)).toBe(2000);
    expect(retryDelayMs(3, 2000, undefined, 1)).toBe(8000);
    expect(retryDelayMs(3, 2000, undefined, 0.5)).toBe(6000);
  });

  it('lets a longer Retry-After win, and caps at an hour', () => {
    expect(retryDelayMs(1, 2000, 30_000, 1)).toBe(30_000);
    expect(retryDelayMs(1, 2000, 500, 1)).toBe(2000);
    expect(retryDelayMs(40, 2000, undefined, 1)).toBe(3_600_000);
  });
});
