import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AllowRoles, CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/domain/access.js';
import { PageQueryDto } from '../common/pagination/page.js';
import { RequestException } from '../common/problems/request-exception.js';
import { ResourceIdPipe } from '../common/validation/resource-id.pipe.js';
import { CaseCommentsService } from './case-comments.service.js';
import { CaseIntakeService } from './case-intake.service.js';
import { CasesService, etagOf, parseIfMatch } from './cases.service.js';
import { CaseDto, CasePageDto } from './dtos/case.dto.js';
import { ChangeStatusDto } from './dtos/change-status.dto.js';
import { CommentDto, CommentPageDto } from './dtos/comment.dto.js';
import { CreateCaseDto } from './dtos/create-case.dto.js';
import { CreateCommentDto } from './dtos/create-comment.dto.js';
import { ListCasesQueryDto } from './dtos/list-cases.query.js';
import { TimelinePageDto } from './dtos/timeline-event.dto.js';
import { UpdateCaseDto } from './dtos/update-case.dto.js';

const CaseId = () => Param('id', new ResourceIdPipe('case'));
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const TIMELINE_PAGE_SIZE = 100;

function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw RequestException.validation([
      { field: 'Idempotency-Key', message: 'Idempotency-Key must be 1-255 visible ASCII characters' },
    ]);
  }
  return header;
}

const IF_MATCH_HEADER = {
  name: 'If-Match',
  required: false,
  description: 'The ETag of the case as you read it; 412 when the case has changed since.',
};

@ApiTags('cases')
@ApiBearerAuth()
@Controller('v1/cases')
export class CasesController {
  constructor(
    private readonly intake: CaseIntakeService,
    private readonly cases: CasesService,
    private readonly comments: CaseCommentsService,
  ) {}

  @Post()
  @AllowRoles('admin', 'agent', 'integration')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Retries with the same key and body answer the first answer again (Idempotent-Replayed: true) for 24 hours; ' +
      'the same key with another body is 422.',
  })
  @ApiCreatedResponse({ type: CaseDto, description: 'Committed before the answer is sent.' })
  async open(
    @Body() body: CreateCaseDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseDto> {
    const answer = await this.intake.open(principal, body, idempotencyKeyOf(idempotencyKey));
    void reply.status(answer.status).headers({
      location: `/v1/cases/${answer.body.id}`,
      etag: etagOf(answer.body.version),
      ...(answer.replayed ? { 'idempotent-replayed': 'true' } : {}),
    });
    return answer.body;
  }

  @Get()
  @AllowRoles('admin', 'agent', 'integration')
  @ApiOkResponse({
    type: CasePageDto,
    description: 'Newest first; integration keys see their customers only.',
  })
  list(@Query() query: ListCasesQueryDto, @CurrentPrincipal() principal: Principal): Promise<CasePageDto> {
    return this.cases.list(principal, query);
  }

  @Get(':id')
  @AllowRoles('admin', 'agent', 'integration')
  @ApiOkResponse({ type: CaseDto, description: 'With the ETag to send back as If-Match.' })
  async get(
    @CaseId() id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseDto> {
    const found = await this.cases.get(principal, id);
    void reply.header('etag', etagOf(found.version));
    return found;
  }

  @Patch(':id')
  @AllowRoles('admin', 'agent')
  @ApiHeader({
    ...IF_MATCH_HEADER,
    required: true,
    description: `${IF_MATCH_HEADER.description} * overwrites.`,
  })
  @ApiOkResponse({ type: CaseDto })
  async update(
    @CaseId() id: string,
    @Body() body: UpdateCaseDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseDto> {
    const updated = await this.cases.update(principal, id, body, parseIfMatch(ifMatch));
    void reply.header('etag', etagOf(updated.version));
    return updated;
  }

  @Post(':id/status')
  @HttpCode(200)
  @AllowRoles('admin', 'agent')
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: CaseDto, description: '409 with `allowed` when the status machine refuses.' })
  async changeStatus(
    @CaseId() id: string,
    @Body() body: ChangeStatusDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseDto> {
    const updated = await this.cases.changeStatus(
      principal,
      id,
      body.status,
      body.reason,
      parseIfMatch(ifMatch),
    );
    void reply.header('etag', etagOf(updated.version));
    return updated;
  }

  @Post(':id/comments')
  @AllowRoles('admin', 'agent', 'integration')
  @ApiHeader(IF_MATCH_HEADER)
  @ApiCreatedResponse({ type: CommentDto })
  addComment(
    @CaseId() id: string,
    @Body() body: CreateCommentDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommentDto> {
    return this.comments.add(principal, id, body, parseIfMatch(ifMatch));
  }

  @Get(':id/comments')
  @AllowRoles('admin', 'agent', 'integration')
  @ApiOkResponse({
    type: CommentPageDto,
    description: 'Oldest first; integration keys see public comments only.',
  })
  listComments(
    @CaseId() id: string,
    @Query() query: PageQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommentPageDto> {
    return this.comments.list(principal, id, query.limit ?? TIMELINE_PAGE_SIZE, query.cursor);
  }

  @Get(':id/timeline')
  @AllowRoles('admin', 'agent', 'integration')
  @ApiOkResponse({ type: TimelinePageDto, description: 'Every change of the case, oldest first.' })
  timeline(
    @CaseId() id: string,
    @Query() query: PageQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<TimelinePageDto> {
    return this.comments.timeline(principal, id, query.limit ?? TIMELINE_PAGE_SIZE, query.cursor);
  }
}
