import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/domain/access.js';
import { DEFAULT_PAGE_SIZE, PageQueryDto } from '../common/pagination/page.js';
import { ResourceIdPipe } from '../common/validation/resource-id.pipe.js';
import { CaseSlaDto } from './dtos/case-sla.dto.js';
import { SlaPolicyInputDto } from './dtos/sla-policy-input.dto.js';
import { SlaPolicyDto, SlaPolicyPageDto } from './dtos/sla-policy.dto.js';
import { SlaClockService } from './sla-clock.service.js';
import { SlaPoliciesService } from './sla-policies.service.js';

const PolicyId = () => Param('id', new ResourceIdPipe('SLA policy'));

@ApiTags('sla')
@ApiBearerAuth()
@Controller('v1')
export class SlaController {
  constructor(
    private readonly policies: SlaPoliciesService,
    private readonly clock: SlaClockService,
  ) {}

  @Post('sla-policies')
  @AllowRoles('admin')
  @ApiCreatedResponse({ type: SlaPolicyDto })
  create(@Body() body: SlaPolicyInputDto): Promise<SlaPolicyDto> {
    return this.policies.create(body);
  }

  @Get('sla-policies')
  @AllowRoles('admin', 'agent')
  @ApiOkResponse({ type: SlaPolicyPageDto })
  list(@Query() query: PageQueryDto): Promise<SlaPolicyPageDto> {
    return this.policies.list(query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }

  @Get('sla-policies/:id')
  @AllowRoles('admin', 'agent')
  @ApiOkResponse({ type: SlaPolicyDto })
  get(@PolicyId() id: string): Promise<SlaPolicyDto> {
    return this.policies.get(id);
  }

  @Put('sla-policies/:id')
  @AllowRoles('admin')
  @ApiOkResponse({
    type: SlaPolicyDto,
    description: 'A new version: it applies to cases opened from now on.',
  })
  replace(@PolicyId() id: string, @Body() body: SlaPolicyInputDto): Promise<SlaPolicyDto> {
    return this.policies.replace(id, body);
  }

  @Get('cases/:id/sla')
  @AllowRoles('admin', 'agent', 'integration')
  @ApiOkResponse({ type: CaseSlaDto, description: 'The clocks computed at the moment of the request.' })
  caseSla(
    @Param('id', new ResourceIdPipe('case')) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CaseSlaDto> {
    return this.clock.view(principal, id);
  }
}
