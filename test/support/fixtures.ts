import { randomUUID } from 'node:crypto';
import type { ApiClient } from './test-app.js';

/** Creates a customer (as admin) and answers its id. */
export async function createCustomer(api: ApiClient, overrides: object = {}): Promise<string> {
  const response = await api.post('/v1/customers', {
    name: `Customer ${randomUUID().slice(0, 8)}`,
    tenantId: randomUUID(),
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`customer not created: ${JSON.stringify(response.body)}`);
  return response.body.id as string;
}

/** Creates an API key (as admin) and answers its secret. */
export async function createKey(
  api: ApiClient,
  role: 'admin' | 'agent' | 'integration',
  customerIds?: string[],
): Promise<string> {
  const response = await api.post('/v1/api-keys', { name: `${role} key`, role, customerIds });
  if (response.status !== 201) throw new Error(`key not created: ${JSON.stringify(response.body)}`);
  return response.body.key as string;
}

/** Opens a case and answers it. */
export async function openCase(api: ApiClient, customerId: string, overrides: object = {}): Promise<any> {
  const response = await api.post('/v1/cases', {
    customerId,
    title: 'Outlook cannot send mail',
    description: 'Since 9:00 every message stays in the outbox.',
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`case not opened: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Every item of a paginated list, following nextCursor. */
export async function allPages<T>(api: ApiClient, path: string, pageSize: number): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  const separator = path.includes('?') ? '&' : '?';
  for (let page = 0; page < 1000; page += 1) {
    const response = await api.get(
      `${path}${separator}limit=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    if (response.status !== 200) throw new Error(`page failed: ${JSON.stringify(response.body)}`);
    items.push(...(response.body.items as T[]));
    cursor = response.body.nextCursor as string | null;
    if (!cursor) return items;
  }
  throw new Error('pagination did not end');
}
