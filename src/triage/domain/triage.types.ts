/** Languages the support desk works in. */
export type CaseLanguage = 'en' | 'fr' | 'zh';

/** Case categories, as fixed by the HTTP contract (`API.md`, "Cases"). */
export type CaseCategory =
  | 'accounts_signup'
  | 'billing'
  | 'how_to'
  | 'updates'
  | 'configuration'
  | 'connectivity'
  | 'availability'
  | 'other';

/** A critical, B moderate, C minimal. */
export type Severity = 'A' | 'B' | 'C';

export const CASE_LANGUAGES: readonly CaseLanguage[] = ['en', 'fr', 'zh'];

export const CASE_CATEGORIES: readonly CaseCategory[] = [
  'accounts_signup',
  'billing',
  'how_to',
  'updates',
  'configuration',
  'connectivity',
  'availability',
  'other',
];

export const SEVERITIES: readonly Severity[] = ['A', 'B', 'C'];

export interface TriageInput {
  title: string;
  description: string;
  service?: string | null;
}

export interface TriageResult {
  language: CaseLanguage;
  category: CaseCategory;
  severity: Severity;
  /** Probability-like confidence (0..1) of the chosen category. */
  confidence: number;
}
