import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { DEFAULT_PAGE_SIZE, PageQueryDto } from '../common/pagination/page.js';
import { ResourceIdPipe } from '../common/validation/resource-id.pipe.js';
import { ApiKeysService } from './api-keys.service.js';
import { AllowRoles, CurrentPrincipal } from './auth.decorators.js';
import { ACCESS_ROLES, type Principal } from './domain/access.js';
import { ApiKeyDto, ApiKeyPageDto, CreatedApiKeyDto, PrincipalDto } from './dtos/api-key.dto.js';
import { CreateApiKeyDto } from './dtos/create-api-key.dto.js';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('v1')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post('api-keys')
  @AllowRoles('admin')
  @ApiCreatedResponse({
    type: CreatedApiKeyDto,
    description: 'The secret `key` is shown only in this answer.',
  })
  create(@Body() body: CreateApiKeyDto, @CurrentPrincipal() principal: Principal): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(body, principal);
  }

  @Get('api-keys')
  @AllowRoles('admin')
  @ApiOkResponse({ type: ApiKeyPageDto })
  list(@Query() query: PageQueryDto): Promise<ApiKeyPageDto> {
    return this.apiKeys.list(query.limit ?? DEFAULT_PAGE_SIZE, query.cursor);
  }

  @Get('api-keys/:id')
  @AllowRoles('admin')
  @ApiOkResponse({ type: ApiKeyDto })
  get(@Param('id', new ResourceIdPipe('API key')) id: string): Promise<ApiKeyDto> {
    return this.apiKeys.get(id);
  }

  @Delete('api-keys/:id')
  @AllowRoles('admin')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: the key stops working at once.' })
  async revoke(
    @Param('id', new ResourceIdPipe('API key')) id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.apiKeys.revoke(id, principal);
  }

  @Get('me')
  @AllowRoles(...ACCESS_ROLES)
  @ApiOkResponse({ type: PrincipalDto, description: 'The key this request authenticated with.' })
  whoAmI(@CurrentPrincipal() principal: Principal): PrincipalDto {
    return PrincipalDto.from(principal);
  }
}
