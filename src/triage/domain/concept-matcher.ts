import { SUPPORT_CONCEPTS, type ConceptKind, type SupportConcept } from './support-concepts.js';
import { normalizeText } from './text-normalizer.js';

interface CompiledConcept {
  id: string;
  kind: ConceptKind;
  pattern: RegExp;
}

const LATIN_ALNUM = /[a-z0-9]/;
/** What a space (or hyphen, dot, slash, apostrophe) inside a Latin term may match in the text. */
const SEPARATOR = "[\\s\\-'/._]*";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles one lexicon term (see `support-concepts.ts` for the syntax) into a regular-expression source. */
export function compileTerm(rawTerm: string): string {
  const term = normalizeText(rawTerm).trim();
  const prefix = term.endsWith('*');
  const body = prefix ? term.slice(0, -1) : term;
  const parts = body.split(/[\s\-'/.]+/).filter((part) => part.length > 0);
  let source = parts.map(escapeRegExp).join(SEPARATOR);
  if (prefix) source += '[a-z0-9]*';
  const first = body.charAt(0);
  const last = body.charAt(body.length - 1);
  if (LATIN_ALNUM.test(first)) source = `(?<![a-z0-9])${source}`;
  if (!prefix && LATIN_ALNUM.test(last)) source = `${source}(?![a-z0-9])`;
  return source;
}

function compileConcept(concept: SupportConcept): CompiledConcept {
  const sources = [...new Set(concept.terms.map(compileTerm))];
  // Longer alternatives first so that a phrase is preferred over its own first word.
  sources.sort((a, b) => b.length - a.length);
  return { id: concept.id, kind: concept.kind, pattern: new RegExp(sources.join('|'), 'g') };
}

let compiled: CompiledConcept[] | undefined;

function compiledConcepts(): CompiledConcept[] {
  compiled ??= SUPPORT_CONCEPTS.map(compileConcept);
  return compiled;
}

/**
 * Some phrases contain words of the lexicon that mean something else there: "partner" in the host names
 * `contoso.partner.onmschina.cn` or `partner.outlook.cn`, "office" in "out of office". Rewrite them first.
 */
function maskAmbiguousPhrases(normalized: string): string {
  return normalized
    .replace(/(^|[^a-z0-9])partner\.(?=onmschina|outlook|microsoftonline)/g, '$1')
    .replace(/out[\s-]+of[\s-]+(?:the[\s-]+)?office/g, 'outofoffice');
}

const KIND_BY_ID: ReadonlyMap<string, ConceptKind> = new Map(SUPPORT_CONCEPTS.map((c) => [c.id, c.kind]));

export function conceptKind(id: string): ConceptKind | undefined {
  return KIND_BY_ID.get(id);
}

/**
 * Finds the concepts of the lexicon in an already normalised text (`normalizeText`), with the number
 * of occurrences of each.
 */
export function matchConceptsNormalized(normalized: string): Map<string, number> {
  const text = maskAmbiguousPhrases(normalized);
  const found = new Map<string, number>();
  for (const concept of compiledConcepts()) {
    concept.pattern.lastIndex = 0;
    let count = 0;
    let match: RegExpExecArray | null;
    while ((match = concept.pattern.exec(text)) !== null) {
      count += 1;
      if (match[0].length === 0) concept.pattern.lastIndex += 1;
    }
    if (count > 0) found.set(concept.id, count);
  }
  return found;
}

/** Finds the concepts of the lexicon in a raw text, with the number of occurrences of each. */
export function matchConcepts(text: string): Map<string, number> {
  return matchConceptsNormalized(normalizeText(text));
}
