import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/domain/access.js';
import { DEFAULT_PAGE_SIZE } from '../common/pagination/page.js';
import { ResourceIdPipe } from '../common/validation/resource-id.pipe.js';
import { ServiceIncidentDto, ServiceIncidentPageDto } from './dtos/service-health.dto.js';
import {
  CreateServiceIncidentDto,
  ListServiceIncidentsQueryDto,
  UpdateServiceIncidentDto,
} from './dtos/service-incident-input.dto.js';
import { ServiceIncidentsService } from './service-incidents.service.js';

const IncidentId = () => Param('id', new ResourceIdPipe('service incident'));

@ApiTags('service-health')
@ApiBearerAuth()
@Controller('v1/service-incidents')
export class ServiceIncidentsController {
  constructor(private readonly incidents: ServiceIncidentsService) {}

  @Post()
  @AllowRoles('admin', 'integration')
  @ApiCreatedResponse({
    type: ServiceIncidentDto,
    description: 'Entered by an admin or posted by a monitoring feed.',
  })
  create(
    @Body() body: CreateServiceIncidentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ServiceIncidentDto> {
    return this.incidents.create(principal, body);
  }

  @Get()
  @AllowRoles('admin', 'agent', 'integration')
  @ApiOkResponse({
    type: ServiceIncidentPageDto,
    description: 'Newest first; active=true for the ongoing ones.',
  })
  list(
    @Query() query: ListServiceIncidentsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ServiceIncidentPageDto> {
    return this.incidents.list(principal, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor, query.active);
  }

  @Get(':id')
  @AllowRoles('admin', 'agent', 'integration')
  @ApiOkResponse({ type: ServiceIncidentDto })
  get(@IncidentId() id: string, @CurrentPrincipal() principal: Principal): Promise<ServiceIncidentDto> {
    return this.incidents.get(principal, id);
  }

  @Patch(':id')
  @AllowRoles('admin', 'integration')
  @ApiOkResponse({
    type: ServiceIncidentDto,
    description: 'Resolving it posts a public update on every linked case.',
  })
  update(
    @IncidentId() id: string,
    @Body() body: UpdateServiceIncidentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ServiceIncidentDto> {
    return this.incidents.update(principal, id, body);
  }
}
