import { conceptKind, matchConceptsNormalized } from '../../triage/domain/concept-matcher.js';
import { detectLanguage } from '../../triage/domain/language-detector.js';
import { contentTerms, normalizeText } from '../../triage/domain/text-normalizer.js';

export type ArticleLocale = 'en' | 'fr' | 'zh';

export interface KnowledgeArticleText {
  id: string;
  slug: string;
  locale: ArticleLocale;
  title: string;
  body: string;
  category?: string | null;
  tags?: string[];
}

export interface SuggestionQuery {
  title: string;
  description: string;
  category?: string | null;
}

export interface ArticleSuggestion {
  articleId: string;
  score: number;
}

interface IndexedArticle {
  id: string;
  locale: ArticleLocale;
  category: string | null;
  /** Concept id → raw field-weighted frequency (title and tags count more than the body). */
  conceptFrequencies: Map<string, number>;
  /** Content term → field-weighted frequency, for BM25. */
  termFrequencies: Map<string, number>;
  length: number;
}

/** Precomputed features of a set of articles (build once, query many times). */
export interface ArticleIndex {
  readonly articles: readonly IndexedArticle[];
  readonly conceptIdf: ReadonlyMap<string, number>;
  /** IDF-weighted concept vector norms, one per article. */
  readonly conceptNorms: readonly number[];
  readonly conceptVectors: readonly ReadonlyMap<string, number>[];
  readonly termDocumentFrequency: ReadonlyMap<string, number>;
  readonly averageLength: number;
}

const TITLE_WEIGHT = 3;
const TAG_WEIGHT = 2;
const BM25_K1 = 1.2;
const BM25_B = 0.75;

/** Weights of the score components; they sum to 1 before the small bonuses. */
const CONCEPT_WEIGHT = 0.75;
const LEXICAL_WEIGHT = 0.25;
/** BM25 scores are divided by max(best score of the query, this floor), so weak lexical overlap stays weak. */
const LEXICAL_FLOOR = 6;
const CATEGORY_BONUS = 0.05;
const SAME_LANGUAGE_BONUS = 0.04;
const ENGLISH_FALLBACK_BONUS = 0.02;
/** Suggestions scoring below this are not worth showing. */
export const MIN_SUGGESTION_SCORE = 0.25;
/** Nor are those far behind the best one (a share of the best score). */
export const RELATIVE_SUGGESTION_CUTOFF = 0.4;

function addCounts(target: Map<string, number>, counts: Iterable<[string, number]>, weight: number): void {
  for (const [key, count] of counts) target.set(key, (target.get(key) ?? 0) + count * weight);
}

/** Concepts that identify what an article or a question is about (severity cues are left out). */
function topicalConcepts(normalized: string): Map<string, number> {
  const concepts = matchConceptsNormalized(normalized);
  for (const id of [...concepts.keys()]) if (conceptKind(id) === 'severity') concepts.delete(id);
  return concepts;
}

function termCounts(normalized: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of contentTerms(normalized)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/** Dampens repeated mentions: a concept named ten times in a body is not ten times more relevant. */
function damp(frequency: number): number {
  return frequency > 0 ? 1 + Math.log(frequency) : 0;
}

/** Precomputes per-article concept vectors and term statistics. */
export function buildArticleIndex(articles: KnowledgeArticleText[]): ArticleIndex {
  const indexed: IndexedArticle[] = articles.map((article) => {
    const title = normalizeText(article.title);
    const tags = normalizeText((article.tags ?? []).join(' ; '));
    const body = normalizeText(article.body);
    const conceptFrequencies = new Map<string, number>();
    addCounts(conceptFrequencies, topicalConcepts(title), TITLE_WEIGHT);
    addCounts(conceptFrequencies, topicalConcepts(tags), TAG_WEIGHT);
    addCounts(conceptFrequencies, topicalConcepts(body), 1);
    const termFrequencies = new Map<string, number>();
    addCounts(termFrequencies, termCounts(title), TITLE_WEIGHT);
    addCounts(termFrequencies, termCounts(tags), TAG_WEIGHT);
    addCounts(termFrequencies, termCounts(body), 1);
    let length = 0;
    for (const frequency of termFrequencies.values()) length += frequency;
    return {
      id: article.id,
      locale: article.locale,
      category: article.category ?? null,
      conceptFrequencies,
      termFrequencies,
      length,
    };
  });

  const conceptDocumentFrequency = new Map<string, number>();
  const termDocumentFrequency = new Map<string, number>();
  for (const article of indexed) {
    for (const id of article.conceptFrequencies.keys()) {
      conceptDocumentFrequency.set(id, (conceptDocumentFrequency.get(id) ?? 0) + 1);
    }
    for (const term of article.termFrequencies.keys()) {
      termDocumentFrequency.set(term, (termDocumentFrequency.get(term) ?? 0) + 1);
    }
  }
  const n = Math.max(indexed.length, 1);
  const conceptIdf = new Map<string, number>();
  for (const [id, df] of conceptDocumentFrequency) conceptIdf.set(id, Math.log(1 + n / df));

  const conceptVectors = indexed.map((article) => {
    const vector = new Map<string, number>();
    for (const [id, frequency] of article.conceptFrequencies) {
      vector.set(id, damp(frequency) * (conceptIdf.get(id) ?? 0));
    }
    return vector;
  });
  const conceptNorms = conceptVectors.map((vector) =>
    Math.sqrt([...vector.values()].reduce((s, w) => s + w * w, 0)),
  );
  const averageLength = indexed.reduce((sum, article) => sum + article.length, 0) / n;
  return {
    articles: indexed,
    conceptIdf,
    conceptNorms,
    conceptVectors,
    termDocumentFrequency,
    averageLength,
  };
}

function bm25(index: ArticleIndex, article: IndexedArticle, queryTerms: ReadonlySet<string>): number {
  const n = index.articles.length;
  let score = 0;
  for (const term of queryTerms) {
    const frequency = article.termFrequencies.get(term);
    if (!frequency) continue;
    const df = index.termDocumentFrequency.get(term) ?? 0;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    const lengthNorm = 1 - BM25_B + (BM25_B * article.length) / (index.averageLength || 1);
    score += (idf * frequency * (BM25_K1 + 1)) / (frequency + BM25_K1 * lengthNorm);
  }
  return score;
}

/**
 * Ranks the articles of an index for a case, across languages: cosine similarity of IDF-weighted concept
 * vectors (the shared en/fr/zh lexicon makes "mot de passe", "password" and "密码" one concept), plus BM25
 * term overlap (mostly same-language, and product names in any language), plus small bonuses for the same
 * category, the case's own language and English as the common fallback. Best first, at most `limit`, and
 * only suggestions scoring at least `MIN_SUGGESTION_SCORE` and `RELATIVE_SUGGESTION_CUTOFF` of the best.
 */
export function suggestArticles(
  index: ArticleIndex,
  query: SuggestionQuery,
  limit: number,
): ArticleSuggestion[] {
  if (limit <= 0 || index.articles.length === 0) return [];
  const title = normalizeText(query.title);
  const description = normalizeText(query.description);
  const language = detectLanguage(`${query.title}\n${query.description}`);

  const queryConcepts = new Map<string, number>();
  addCounts(queryConcepts, topicalConcepts(title), 2);
  addCounts(queryConcepts, topicalConcepts(description), 1);
  const queryVector = new Map<string, number>();
  for (const [id, frequency] of queryConcepts) {
    const idf = index.conceptIdf.get(id);
    if (idf !== undefined) queryVector.set(id, damp(frequency) * idf);
  }
  const queryNorm = Math.sqrt([...queryVector.values()].reduce((s, w) => s + w * w, 0));
  const queryTerms = new Set(contentTerms(`${title}\n${description}`));

  const lexicalScores = index.articles.map((article) => bm25(index, article, queryTerms));
  const lexicalScale = Math.max(LEXICAL_FLOOR, ...lexicalScores);

  const scored: ArticleSuggestion[] = index.articles.map((article, i) => {
    let dot = 0;
    for (const [id, weight] of queryVector) dot += weight * (index.conceptVectors[i].get(id) ?? 0);
    const norms = queryNorm * index.conceptNorms[i];
    const conceptScore = norms > 0 ? dot / norms : 0;
    let score = CONCEPT_WEIGHT * conceptScore + LEXICAL_WEIGHT * (lexicalScores[i] / lexicalScale);
    if (score > 0) {
      if (query.category && article.category === query.category) score += CATEGORY_BONUS;
      if (article.locale === language) score += SAME_LANGUAGE_BONUS;
      else if (article.locale === 'en') score += ENGLISH_FALLBACK_BONUS;
    }
    return { articleId: article.id, score: Math.round(score * 1000) / 1000 };
  });

  const best = Math.max(...scored.map((suggestion) => suggestion.score));
  const floor = Math.max(MIN_SUGGESTION_SCORE, best * RELATIVE_SUGGESTION_CUTOFF);
  return scored
    .filter((suggestion) => suggestion.score >= floor)
    .sort((a, b) => b.score - a.score || a.articleId.localeCompare(b.articleId))
    .slice(0, limit);
}
