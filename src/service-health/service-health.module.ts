import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module.js';
import { ServiceHealthController } from './service-health.controller.js';
import { ServiceHealthService } from './service-health.service.js';

@Module({
  imports: [CustomersModule],
  controllers: [ServiceHealthController],
  providers: [ServiceHealthService],
  exports: [ServiceHealthService],
})
export class ServiceHealthModule {}
