import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles, CurrentPrincipal } from '../auth/auth.decorators.js';
import type { Principal } from '../auth/domain/access.js';
import { DEFAULT_PAGE_SIZE, PageQueryDto } from '../common/pagination/page.js';
import { ResourceIdPipe } from '../common/validation/resource-id.pipe.js';
import { CustomersService } from './customers.service.js';
import { CreateCustomerDto } from './dtos/create-customer.dto.js';
import { CustomerDto, CustomerPageDto } from './dtos/customer.dto.js';
import {
  CreateSubscriptionDto,
  SubscriptionDto,
  SubscriptionPageDto,
  UpdateSubscriptionDto,
} from './dtos/subscription.dto.js';
import { UpdateCustomerDto } from './dtos/update-customer.dto.js';

const CustomerId = () => Param('id', new ResourceIdPipe('customer'));

@ApiTags('customers')
@ApiBearerAuth()
@Controller('v1/customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Post()
  @AllowRoles('admin')
  @ApiCreatedResponse({ type: CustomerDto })
  create(@Body() body: CreateCustomerDto): Promise<CustomerDto> {
    return this.customers.create(body);
  }

  @Get()
  @AllowRoles('admin', 'agent', 'integration')
  @ApiOkResponse({
    type: CustomerPageDto,
    description: 'Newest first. Integration keys see their own customers.',
  })
  list(@Query() query: PageQueryDto, @CurrentPrincipal() principal: Principal): Promise<CustomerPageDto> {
    return this.customers.list(principal, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }

  @Get(':id')
  @AllowRoles('admin', 'agent', 'integration')
  @ApiOkResponse({ type: CustomerDto })
  get(@CustomerId() id: string, @CurrentPrincipal() principal: Principal): Promise<CustomerDto> {
    return this.customers.get(principal, id);
  }

  @Patch(':id')
  @AllowRoles('admin')
  @ApiOkResponse({ type: CustomerDto })
  update(@CustomerId() id: string, @Body() body: UpdateCustomerDto): Promise<CustomerDto> {
    return this.customers.update(id, body);
  }

  @Post(':id/subscriptions')
  @AllowRoles('admin')
  @ApiCreatedResponse({ type: SubscriptionDto })
  addSubscription(@CustomerId() id: string, @Body() body: CreateSubscriptionDto): Promise<SubscriptionDto> {
    return this.customers.addSubscription(id, body);
  }

  @Get(':id/subscriptions')
  @AllowRoles('admin', 'agent', 'integration')
  @ApiOkResponse({ type: SubscriptionPageDto })
  listSubscriptions(
    @CustomerId() id: string,
    @Query() query: PageQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SubscriptionPageDto> {
    return this.customers.listSubscriptions(principal, id, query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }

  @Patch(':id/subscriptions/:subscriptionId')
  @AllowRoles('admin')
  @ApiOkResponse({ type: SubscriptionDto })
  updateSubscription(
    @CustomerId() id: string,
    @Param('subscriptionId', new ResourceIdPipe('subscription')) subscriptionId: string,
    @Body() body: UpdateSubscriptionDto,
  ): Promise<SubscriptionDto> {
    return this.customers.updateSubscription(id, subscriptionId, body);
  }
}
