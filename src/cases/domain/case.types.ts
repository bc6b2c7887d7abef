export const CASE_STATUSES = [
  'new',
  'triaged',
  'in_progress',
  'awaiting_customer',
  'escalated',
  'resolved',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const OPEN_STATUSES: readonly CaseStatus[] = [
  'new',
  'triaged',
  'in_progress',
  'awaiting_customer',
  'escalated',
];

export const SEVERITIES = ['A', 'B', 'C'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CASE_CATEGORIES = [
  'accounts_signup',
  'billing',
  'how_to',
  'updates',
  'configuration',
  'connectivity',
  'availability',
  'other',
] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

export const CASE_LANGUAGES = ['en', 'fr', 'zh'] as const;
export type CaseLanguage = (typeof CASE_LANGUAGES)[number];

export const CASE_SOURCES = ['agent', 'integration'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export const RESOLUTION_TYPES = ['agent', 'self_service', 'vianet', 'duplicate'] as const;
export type ResolutionType = (typeof RESOLUTION_TYPES)[number];

export interface CaseResolution {
  type: ResolutionType;
  articleId?: string;
  note?: string;
}

export const COMMENT_VISIBILITIES = ['public', 'internal'] as const;
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

export const COMMENT_AUTHOR_TYPES = ['agent', 'customer', 'vianet', 'system'] as const;
export type CommentAuthorType = (typeof COMMENT_AUTHOR_TYPES)[number];

/** Who did something to a case, as the timeline records it. */
export interface CaseActor {
  type: 'admin' | 'agent' | 'integration' | 'system' | 'vianet';
  id: string | null;
  name: string;
}

export const SYSTEM_ACTOR: CaseActor = { type: 'system', id: null, name: 'CaseBridge' };
