import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { canTransition, allowedTargets } from '../cases/domain/case-status.js';
import { type Principal } from '../auth/domain/access.js';
import { actorOf } from '../cases/case-actor.js';
import { CaseException } from '../cases/case.exception.js';
import { CasesService, statusChanges } from '../cases/cases.service.js';
import type { CaseDto } from '../cases/dtos/case.dto.js';
import { pageByCreation, type Page } from '../common/pagination/page.js';
import { RequestException } from '../common/problems/request-exception.js';
import { PgNotifications } from '../database/pg-notifications.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { ArticleEntity } from './article.entity.js';
import { type ArticleIndex, buildArticleIndex, suggestArticles } from './domain/article-suggester.js';
import { ArticleDto, type CreateArticleDto, type SuggestionDto } from './dtos/article.dto.js';
import { KnowledgeException, KnowledgeExceptionCode } from './knowledge.exception.js';

const ARTICLES_CHANNEL = 'casebridge_articles_changed';
/** While article changes cannot be heard, the index is rebuilt at most this often. */
const UNHEARD_INDEX_TTL_MS = 30_000;
const SUGGESTION_LIMIT = 5;

@Injectable()
export class KnowledgeService {
  private index: { built: ArticleIndex; byId: Map<string, ArticleEntity>; at: number } | null = null;

  constructor(
    @InjectRepository(ArticleEntity) private readonly articles: Repository<ArticleEntity>,
    private readonly cases: CasesService,
    private readonly notifications: PgNotifications,
  ) {
    notifications.subscribe(ARTICLES_CHANNEL, () => (this.index = null));
    notifications.onReset(() => (this.index = null));
  }

  async create(input: CreateArticleDto): Promise<ArticleDto> {
    try {
      const saved = await this.articles.save(
        this.articles.create({
          ...input,
          category: input.category ?? null,
          tags: [...new Set(input.tags ?? [])],
        }),
      );
      this.index = null;
      await this.notifications.notify(ARTICLES_CHANNEL, saved.id);
      return ArticleDto.from(saved);
    } catch (error) {
      if (isUniqueViolation(error, 'uq_articles_slug')) {
        throw new KnowledgeException(
          KnowledgeExceptionCode.SlugTaken,
          `An article with slug ${input.slug} exists.`,
        );
      }
      throw error;
    }
  }

  async get(id: string): Promise<ArticleDto> {
    const article = await this.articles.findOneBy({ id });
    if (!article)
      throw new KnowledgeException(KnowledgeExceptionCode.ArticleNotFound, `No article with id ${id}.`);
    return ArticleDto.from(article);
  }

  /** Articles newest first; `q` matches every word in title or body (accents ignored, Chinese substrings). */
  async list(limit: number, cursor?: string, q?: string, locale?: string): Promise<Page<ArticleDto>> {
    const query = this.articles.createQueryBuilder('article');
    if (locale) query.andWhere('article.locale = :locale', { locale });
    for (const [index, term] of (q?.trim().split(/\s+/) ?? []).slice(0, 8).entries()) {
      query.andWhere(`article.search_text LIKE '%' || casebridge_search_text(:term${index}) || '%'`, {
        [`term${index}`]: term.replace(/[\\%_]/g, (character) => `\\${character}`),
      });
    }
    return pageByCreation(query, { limit, cursor }, (row) => ArticleDto.from(row));
  }

  /** The articles that may answer a case, best first, in any language. */
  async suggestionsFor(principal: Principal, caseId: string): Promise<SuggestionDto[]> {
    const supportCase = await this.cases.get(principal, caseId);
    return this.suggest(supportCase, SUGGESTION_LIMIT);
  }

  /** Suggestions for a case's text (triage attaches the first ones to the timeline). */
  async suggest(
    supportCase: Pick<CaseDto, 'title' | 'description' | 'category'>,
    limit: number,
  ): Promise<SuggestionDto[]> {
    const { built, byId } = await this.currentIndex();
    return suggestArticles(built, supportCase, limit).flatMap(({ articleId, score }) => {
      const article = byId.get(articleId);
      return article
        ? [
            {
              articleId,
              slug: article.slug,
              title: article.title,
              locale: article.locale,
              score: Math.round(score * 1000) / 1000,
            },
          ]
        : [];
    });
  }

  /** The customer (or an agent for them) says an article solved the problem: resolved, self_service. */
  async selfResolve(principal: Principal, caseId: string, articleId: string): Promise<CaseDto> {
    if (!(await this.articles.existsBy({ id: articleId }))) {
      throw RequestException.validation([{ field: 'articleId', message: `no article with id ${articleId}` }]);
    }
    return this.cases.mutate(caseId, { principal }, (current, now) => {
      if (!canTransition(current.status, 'resolved', 'system')) {
        throw CaseException.transitionNotAllowed(
          current.status,
          'resolved',
          allowedTargets(current.status, 'agent'),
        );
      }
      return {
        changes: statusChanges(current, 'resolved', now, { type: 'self_service', articleId }),
        events: [
          {
            type: 'status_changed',
            actor: actorOf(principal),
            data: { from: current.status, to: 'resolved', reason: 'self_service', articleId },
          },
        ],
      };
    });
  }

  private async currentIndex(): Promise<{ built: ArticleIndex; byId: Map<string, ArticleEntity> }> {
    const fresh =
      this.index && (this.notifications.listening || Date.now() - this.index.at < UNHEARD_INDEX_TTL_MS);
    if (fresh && this.index) return this.index;
    const all = await this.articles.find();
    const built = buildArticleIndex(all);
    this.index = { built, byId: new Map(all.map((article) => [article.id, article])), at: Date.now() };
    return this.index;
  }
}
