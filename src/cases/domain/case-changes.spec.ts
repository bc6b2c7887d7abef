import { diffFields, effectsOfComment, normaliseTags } from './case-changes.js';

describe('diffFields', () => {
  it('records only the fields that change, with before and after', () => {
    const current = { severity: 'C', title: 'VPN down', tags: ['vpn'], assigneeId: null as string | null };
    expect(
      diffFields(current, { severity: 'A', title: 'VPN down', tags: ['vpn', 'vip'], assigneeId: undefined }),
    ).toEqual({
      severity: { from: 'C', to: 'A' },
      tags: { from: ['vpn'], to: ['vpn', 'vip'] },
    });
    expect(diffFields(current, { assigneeId: null })).toEqual({});
  });

  it('deduplicates tags keeping their order', () => {
    expect(normaliseTags(['vip', 'vpn', 'vip'])).toEqual(['vip', 'vpn']);
  });
});

describe('effectsOfComment', () => {
  const now = new Date('2026-11-24T08:00:00.000Z');
  const week = 7 * 24 * 3600 * 1000;
  const open = { status: 'in_progress' as const, resolvedAt: null, firstRespondedAt: null };

  it('makes the first public agent comment the first response, and only that one', () => {
    expect(
      effectsOfComment(open, { visibility: 'public', authorType: 'agent' }, now, week).firstResponse,
    ).toBe(true);
    expect(
      effectsOfComment(open, { visibility: 'internal', authorType: 'agent' }, now, week).firstResponse,
    ).toBe(false);
    const answered = { ...open, firstRespondedAt: new Date('2026-11-24T07:00:00.000Z') };
    expect(
      effectsOfComment(answered, { visibility: 'public', authorType: 'agent' }, now, week).firstResponse,
    ).toBe(false);
    expect(
      effectsOfComment(open, { visibility: 'public', authorType: 'customer' }, now, week).firstResponse,
    ).toBe(false);
  });

  it('brings an awaiting_customer case back to in_progress on a public customer comment', () => {
    const waiting = { ...open, status: 'awaiting_customer' as const };
    expect(
      effectsOfComment(waiting, { visibility: 'public', authorType: 'customer' }, now, week).statusTo,
    ).toBe('in_progress');
    expect(
      effectsOfComment(waiting, { visibility: 'public', authorType: 'agent' }, now, week).statusTo,
    ).toBeNull();
    expect(
      effectsOfComment(waiting, { visibility: 'internal', authorType: 'customer' }, now, week).statusTo,
    ).toBeNull();
  });

  it('reopens a resolved case only inside the reopen window', () => {
    const resolved = (daysAgo: number) => ({
      status: 'resolved' as const,
      resolvedAt: new Date(now.getTime() - daysAgo * 24 * 3600 * 1000),
      firstRespondedAt: now,
    });
    const reply = { visibility: 'public', authorType: 'customer' } as const;
    expect(effectsOfComment(resolved(6), reply, now, week).statusTo).toBe('in_progress');
    expect(effectsOfComment(resolved(8), reply, now, week).statusTo).toBeNull();
  });
});
