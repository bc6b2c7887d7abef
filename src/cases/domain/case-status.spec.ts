import { allowedTargets, canTransition, isOpenStatus, reopensOnCustomerReply } from './case-status.js';
import { CASE_STATUSES, type CaseStatus } from './case.types.js';

describe('case status machine', () => {
  it('lets agents work a case through its life', () => {
    expect(allowedTargets('new', 'agent')).toEqual(['in_progress', 'resolved']);
    expect(allowedTargets('triaged', 'agent')).toEqual(['in_progress', 'resolved']);
    expect(allowedTargets('in_progress', 'agent')).toEqual(['awaiting_customer', 'resolved']);
    expect(allowedTargets('awaiting_customer', 'agent')).toEqual(['in_progress', 'resolved']);
    expect(allowedTargets('escalated', 'agent')).toEqual(['in_progress', 'resolved']);
    expect(allowedTargets('resolved', 'agent')).toEqual(['closed', 'in_progress']);
    expect(allowedTargets('closed', 'agent')).toEqual([]);
  });

  it('leaves triaged to triage, only from new', () => {
    expect(canTransition('new', 'triaged', 'triage')).toBe(true);
    expect(canTransition('new', 'triaged', 'agent')).toBe(false);
    for (const from of CASE_STATUSES.filter((status) => status !== 'new')) {
      expect(canTransition(from, 'triaged', 'triage')).toBe(false);
    }
  });

  it('escalates any open case except an escalated one, and only through an escalation', () => {
    const escalatable = CASE_STATUSES.filter((from) => canTransition(from, 'escalated', 'escalation'));
    expect(escalatable).toEqual(['new', 'triaged', 'in_progress', 'awaiting_customer']);
    expect(CASE_STATUSES.some((from) => canTransition(from, 'escalated', 'agent'))).toBe(false);
    expect(canTransition('escalated', 'in_progress', 'escalation')).toBe(true);
  });

  it('resolves any open case, closes only resolved ones, and never leaves closed', () => {
    for (const from of CASE_STATUSES) {
      expect(canTransition(from, 'resolved', 'agent')).toBe(isOpenStatus(from));
      expect(canTransition(from, 'closed', 'agent')).toBe(from === 'resolved');
    }
    const targetsFromClosed = (
      ['agent', 'triage', 'escalation', 'customer_reply', 'system'] as const
    ).flatMap((trigger) => allowedTargets('closed', trigger));
    expect(targetsFromClosed).toEqual([]);
  });

  it('lets a customer reply bring a case back to in_progress only from awaiting_customer or resolved', () => {
    const reopenable = CASE_STATUSES.filter((from: CaseStatus) =>
      canTransition(from, 'in_progress', 'customer_reply'),
    );
    expect(reopenable).toEqual(['awaiting_customer', 'resolved']);
  });

  it('reopens on a customer reply only inside the reopen window', () => {
    const resolvedAt = new Date('2026-11-01T10:00:00.000Z');
    const window = 7 * 24 * 3600 * 1000;
    expect(reopensOnCustomerReply('resolved', resolvedAt, new Date('2026-11-08T10:00:00.000Z'), window)).toBe(
      true,
    );
    expect(reopensOnCustomerReply('resolved', resolvedAt, new Date('2026-11-08T10:00:00.001Z'), window)).toBe(
      false,
    );
    expect(reopensOnCustomerReply('in_progress', null, new Date(), window)).toBe(false);
  });
});
