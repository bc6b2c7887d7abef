import { conceptKind, matchConceptsNormalized } from './concept-matcher.js';
import { contentTerms, normalizeText } from './text-normalizer.js';

/** Relative weight of surface terms against lexicon concepts (concepts generalise across languages). */
const LEXICAL_WEIGHT = 0.5;
const TITLE_CONCEPT_WEIGHT = 0.7;

/**
 * Topic concepts that say something about impact and urgency. The severity model sees only these (and
 * the `severity` concepts, head counts and question marks): given the topics it would learn which
 * products were critical in the training stories rather than how bad a situation is.
 */
const IMPACT_TOPICS: ReadonlySet<string> = new Set([
  'security_incident',
  'outage',
  'slowness',
  'intermittent',
  'server_error',
  'connection_failure',
  'no_change',
  'service_health',
  'how_question',
  'planning',
  'request_change',
  'roadmap',
  'retirement',
  'price',
  'invoice',
  'payment',
  'account_locked',
  'deleted_restore',
  'update',
  'after_change',
  'rollback',
]);

/** Services of the API (`POST /v1/cases`) that name one product of the lexicon; a hint when the text doesn't. */
const SERVICE_CONCEPTS: Readonly<Record<string, string>> = {
  dynamics365: 'dynamics',
  'power-bi': 'power_bi',
};
const SERVICE_HINT_WEIGHT = 0.5;

const PEOPLE_COUNT =
  /(\d[\d,]*)\s*\+?\s*(?:of\s+(?:our\s+|the\s+)?\d[\d,]*\s+)?(?:users?|people|persons|staff|employees|mailboxes|pcs|computers|laptops|devices|reps|colleagues|agents|members|utilisateurs?|personnes|postes|collaborateurs|salaries|employes|commerciaux|operateurs|preparateurs|techniciens|boites|人|名|位|台|个用户|个邮箱|个同事|多人|多个)/g;
const PERCENT = /(\d{1,3})\s*%/g;

function peopleCountBin(normalized: string): string | undefined {
  let max = 0;
  for (const match of normalized.matchAll(PEOPLE_COUNT)) {
    const value = Number(match[1].replace(/,/g, ''));
    if (Number.isFinite(value) && value < 100000) max = Math.max(max, value);
  }
  if (max === 0) return undefined;
  if (max < 10) return 'few';
  if (max < 50) return 'some';
  if (max < 200) return 'many';
  return 'huge';
}

function percentBin(normalized: string): string | undefined {
  let max = -1;
  for (const match of normalized.matchAll(PERCENT)) max = Math.max(max, Number(match[1]));
  if (max < 0) return undefined;
  return max >= 50 ? 'high' : max >= 15 ? 'mid' : 'low';
}

export interface TriageFeatures {
  /** For the category model: all concepts, title concepts, stemmed words / Chinese bigrams, cues. */
  category: Map<string, number>;
  /** For the severity model: impact concepts only, head counts, shares, question marks. */
  severity: Map<string, number>;
  /** How many product or topic concepts of the support domain the text mentions. */
  domainSignals: number;
}

/**
 * Sparse features of a case for the triage models: lexicon concepts of the whole text and of the title
 * (language-independent), stemmed words / Chinese bigrams (language-specific), impact cues (how many
 * people, what share), question marks, and the product of the service named by the caller when the text
 * does not name it.
 */
export function triageFeatures(title: string, description: string, service?: string | null): TriageFeatures {
  const category = new Map<string, number>();
  const severity = new Map<string, number>();
  const normalizedTitle = normalizeText(title);
  const normalized = `${normalizedTitle}\n${normalizeText(description)}`;

  let domainSignals = 0;
  for (const [id] of matchConceptsNormalized(normalized)) {
    const kind = conceptKind(id);
    if (kind === 'product' || kind === 'topic') domainSignals += 1;
    category.set(`c:${id}`, 1);
    if (kind === 'severity' || IMPACT_TOPICS.has(id)) severity.set(`c:${id}`, 1);
  }
  for (const [id] of matchConceptsNormalized(normalizedTitle)) {
    if (conceptKind(id) === 'severity') continue;
    category.set(`t:${id}`, TITLE_CONCEPT_WEIGHT);
    if (IMPACT_TOPICS.has(id)) severity.set(`t:${id}`, TITLE_CONCEPT_WEIGHT);
  }
  for (const term of contentTerms(normalized)) category.set(`w:${term}`, LEXICAL_WEIGHT);

  const cues: [string, number][] = [];
  const people = peopleCountBin(normalized);
  if (people) cues.push([`n:${people}`, 1]);
  const percent = percentBin(normalized);
  if (percent) cues.push([`pct:${percent}`, 1]);
  const questions = (normalized.match(/\?/g) ?? []).length;
  if (questions > 0) cues.push([questions > 1 ? 'q:many' : 'q:one', 1]);
  for (const [name, value] of cues) {
    category.set(name, value);
    severity.set(name, value);
  }
  const serviceConcept = service ? SERVICE_CONCEPTS[normalizeText(service).trim()] : undefined;
  if (serviceConcept && !category.has(`c:${serviceConcept}`)) {
    category.set(`c:${serviceConcept}`, SERVICE_HINT_WEIGHT);
    domainSignals += 1;
  }
  return { category, severity, domainSignals };
}
