import { assessServiceHealth, type IncidentScope } from './service-health.js';

const incident = (overrides: Partial<IncidentScope & { id: string }>): IncidentScope & { id: string } => ({
  id: 'i1',
  service: 'azure',
  region: null,
  status: 'degraded',
  ...overrides,
});

describe('assessServiceHealth', () => {
  const azureNorth = { subscriptionId: 's1', service: 'azure' as const, region: 'china-north-3' };
  const m365 = { subscriptionId: 's2', service: 'microsoft365' as const, region: null };

  it('reports healthy services when no incident touches them', () => {
    expect(assessServiceHealth([azureNorth, m365], []).map((health) => health.status)).toEqual([
      'healthy',
      'healthy',
    ]);
  });

  it('takes the worst active incident of the same service and region', () => {
    const [azure, office] = assessServiceHealth(
      [azureNorth, m365],
      [
        incident({ id: 'a', status: 'degraded', region: 'china-north-3' }),
        incident({ id: 'b', status: 'outage', region: null }),
        incident({ id: 'c', status: 'outage', region: 'china-east-2' }),
      ],
    );
    expect(azure.status).toBe('outage');
    expect(azure.incidents.map((item) => item.id)).toEqual(['a', 'b']);
    expect(office).toMatchObject({ status: 'healthy', incidents: [] });
  });

  it('ignores resolved incidents', () => {
    const [azure] = assessServiceHealth([azureNorth], [incident({ status: 'resolved' })]);
    expect(azure.status).toBe('healthy');
  });
});
