import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/domain/access.js';
import { CaseDto } from '../cases/dtos/case.dto.js';
import { DEFAULT_PAGE_SIZE } from '../common/pagination/page.js';
import { ResourceIdPipe } from '../common/validation/resource-id.pipe.js';
import {
  ArticleDto,
  ArticlePageDto,
  CreateArticleDto,
  ListArticlesQueryDto,
  SelfResolveDto,
  SuggestionListDto,
} from './dtos/article.dto.js';
import { KnowledgeService } from './knowledge.service.js';

const CaseId = () => Param('id', new ResourceIdPipe('case'));

@ApiTags('knowledge')
@ApiBearerAuth()
@Controller('v1')
export class KnowledgeController {
  constructor(private readonly knowledge: KnowledgeService) {}

  @Post('articles')
  @AllowRoles('admin')
  @ApiCreatedResponse({ type: ArticleDto })
  create(@Body() body: CreateArticleDto): Promise<ArticleDto> {
    return this.knowledge.create(body);
  }

  @Get('articles')
  @AllowRoles('admin', 'agent', 'integration')
  @ApiOkResponse({ type: ArticlePageDto })
  list(@Query() query: ListArticlesQueryDto): Promise<ArticlePageDto> {
    return this.knowledge.list(query.limit ?? DEFAULT_PAGE_SIZE, query.cursor, query.q, query.locale);
  }

  @Get('articles/:id')
  @AllowRoles('admin', 'agent', 'integration')
  @ApiOkResponse({ type: ArticleDto })
  get(@Param('id', new ResourceIdPipe('article')) id: string): Promise<ArticleDto> {
    return this.knowledge.get(id);
  }

  @Get('cases/:id/suggestions')
  @AllowRoles('admin', 'agent', 'integration')
  @ApiOkResponse({
    type: SuggestionListDto,
    description: 'Articles that may answer the case, best first, any language.',
  })
  async suggestions(
    @CaseId() id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SuggestionListDto> {
    return { items: await this.knowledge.suggestionsFor(principal, id) };
  }

  @Post('cases/:id/self-resolve')
  @HttpCode(200)
  @AllowRoles('admin', 'agent', 'integration')
  @ApiOkResponse({ type: CaseDto, description: 'The case, resolved with resolution self_service.' })
  selfResolve(
    @CaseId() id: string,
    @Body() body: SelfResolveDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseDto> {
    return this.knowledge.selfResolve(principal, id, body.articleId);
  }
}
