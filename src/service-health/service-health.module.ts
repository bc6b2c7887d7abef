import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { CustomersModule } from '../customers/customers.module.js';
import { IncidentFeed, SimulatedIncidentFeed } from './feed/incident-feed.js';
import { ServiceHealthController } from './service-health.controller.js';
import { ServiceHealthJobs } from './service-health.jobs.js';
import { ServiceHealthService } from './service-health.service.js';
import { ServiceIncidentEntity } from './service-incident.entity.js';
import { ServiceIncidentsController } from './service-incidents.controller.js';
import { ServiceIncidentsService } from './service-incidents.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ServiceIncidentEntity]), CustomersModule, CasesModule],
  controllers: [ServiceHealthController, ServiceIncidentsController],
  providers: [
    ServiceHealthService,
    ServiceIncidentsService,
    ServiceHealthJobs,
    SimulatedIncidentFeed,
    // The simulated feed stands in for 21Vianet's service-health feed (see README).
    { provide: IncidentFeed, useExisting: SimulatedIncidentFeed },
  ],
  exports: [ServiceHealthService, ServiceIncidentsService, SimulatedIncidentFeed],
})
export class ServiceHealthModule {}
