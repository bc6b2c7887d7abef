import { assertNever, DomainException, type ProblemSpec } from '../common/problems/domain.exception.js';

export enum KnowledgeExceptionCode {
  ArticleNotFound = 'article_not_found',
  SlugTaken = 'slug_taken',
}

export class KnowledgeException extends DomainException<KnowledgeExceptionCode> {
  constructor(code: KnowledgeExceptionCode, message: string) {
    super(code, message);
  }

  toProblem(): ProblemSpec {
    switch (this.code) {
      case KnowledgeExceptionCode.ArticleNotFound:
        return { status: 404, type: 'article-not-found', title: 'No such article' };
      case KnowledgeExceptionCode.SlugTaken:
        return { status: 409, type: 'article-slug-taken', title: 'Another article has this slug' };
      default:
        return assertNever(this.code);
    }
  }
}
