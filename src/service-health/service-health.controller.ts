import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/domain/access.js';
import { ResourceIdPipe } from '../common/validation/resource-id.pipe.js';
import { CustomerServiceHealthDto } from './dtos/service-health.dto.js';
import { ServiceHealthService } from './service-health.service.js';

@ApiTags('service-health')
@ApiBearerAuth()
@Controller('v1')
export class ServiceHealthController {
  constructor(private readonly serviceHealth: ServiceHealthService) {}

  @Get('customers/:id/service-health')
  @AllowRoles('admin', 'agent', 'integration')
  @ApiOkResponse({ type: CustomerServiceHealthDto })
  customerServiceHealth(
    @Param('id', new ResourceIdPipe('customer')) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CustomerServiceHealthDto> {
    return this.serviceHealth.customerServiceHealth(principal, id);
  }
}
