import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/domain/access.js';
import { DEFAULT_PAGE_SIZE } from '../common/pagination/page.js';
import { ResourceIdPipe } from '../common/validation/resource-id.pipe.js';
import {
  CreateEscalationDto,
  EscalationDto,
  EscalationPageDto,
  HandoffDto,
  ListEscalationsQueryDto,
  UpstreamNoteDto,
} from './dtos/escalation.dto.js';
import { EscalationsService } from './escalations.service.js';

const EscalationId = () => Param('id', new ResourceIdPipe('escalation'));

class EscalationListDto {
  items!: EscalationDto[];
}

@ApiTags('escalations')
@ApiBearerAuth()
@Controller('v1')
export class EscalationsController {
  constructor(private readonly escalations: EscalationsService) {}

  @Post('cases/:id/escalations')
  @HttpCode(202)
  @AllowRoles('admin', 'agent')
  @ApiAcceptedResponse({
    type: EscalationDto,
    description:
      'Recorded with the health check; the case is escalated; sending to 21Vianet follows. 409 when one is open.',
  })
  create(
    @Param('id', new ResourceIdPipe('case')) caseId: string,
    @Body() body: CreateEscalationDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EscalationDto> {
    return this.escalations.create(principal, caseId, body);
  }

  @Get('cases/:id/escalations')
  @AllowRoles('admin', 'agent')
  @ApiOkResponse({ type: EscalationListDto, description: 'Newest first.' })
  listForCase(
    @Param('id', new ResourceIdPipe('case')) caseId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ items: EscalationDto[] }> {
    return this.escalations.listForCase(principal, caseId);
  }

  @Get('escalations')
  @AllowRoles('admin', 'agent')
  @ApiOkResponse({ type: EscalationPageDto, description: 'Newest first; filter by state.' })
  list(@Query() query: ListEscalationsQueryDto): Promise<EscalationPageDto> {
    return this.escalations.list(query.limit ?? DEFAULT_PAGE_SIZE, query.cursor, query.state);
  }

  @Get('escalations/:id')
  @AllowRoles('admin', 'agent')
  @ApiOkResponse({ type: EscalationDto })
  get(@EscalationId() id: string): Promise<EscalationDto> {
    return this.escalations.get(id);
  }

  @Post('escalations/:id/retry')
  @HttpCode(202)
  @AllowRoles('admin', 'agent')
  @ApiAcceptedResponse({
    type: EscalationDto,
    description: 'A failed escalation is sent again (looked up upstream first).',
  })
  retry(@EscalationId() id: string, @CurrentPrincipal() principal: Principal): Promise<EscalationDto> {
    return this.escalations.retry(principal, id);
  }

  @Post('escalations/:id/handoff')
  @HttpCode(200)
  @AllowRoles('admin', 'agent')
  @ApiOkResponse({
    type: EscalationDto,
    description: 'Portal mode: the 21Vianet request number, once filed.',
  })
  handoff(
    @EscalationId() id: string,
    @Body() body: HandoffDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EscalationDto> {
    return this.escalations.handoff(principal, id, body.upstreamId);
  }

  @Post('escalations/:id/notes')
  @HttpCode(200)
  @AllowRoles('admin', 'agent')
  @ApiOkResponse({
    type: EscalationDto,
    description: "Portal mode: 21Vianet's answer, recorded as a case comment by vianet.",
  })
  recordAnswer(
    @EscalationId() id: string,
    @Body() body: UpstreamNoteDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<EscalationDto> {
    return this.escalations.recordAnswer(principal, id, body.text, body.closesRequest ?? false);
  }
}
