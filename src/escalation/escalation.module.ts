import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { Environment } from '../config/environment.js';
import { CustomersModule } from '../customers/customers.module.js';
import { ServiceHealthModule } from '../service-health/service-health.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { EscalationEntity } from './escalation.entity.js';
import { EscalationJobs } from './escalation.jobs.js';
import { EscalationSubmitter } from './escalation-submitter.service.js';
import { EscalationSync } from './escalation-sync.service.js';
import { EscalationsController } from './escalations.controller.js';
import { EscalationsService } from './escalations.service.js';
import { PartnerCenterClient } from './upstream/partner-center.client.js';
import { SimulatedVianetUpstream } from './upstream/simulated-vianet.upstream.js';
import { VianetUpstream } from './upstream/vianet-upstream.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([EscalationEntity]),
    CasesModule,
    CustomersModule,
    ServiceHealthModule,
    SlaModule,
  ],
  controllers: [EscalationsController],
  providers: [
    EscalationsService,
    EscalationSubmitter,
    EscalationSync,
    EscalationJobs,
    SimulatedVianetUpstream,
    {
      // VIANET_MODE: the Partner Center API (http), or the in-process simulator (also behind portal mode,
      // whose requests are filed by hand and never reach it).
      provide: VianetUpstream,
      inject: [Environment, SimulatedVianetUpstream],
      useFactory: (environment: Environment, simulator: SimulatedVianetUpstream): VianetUpstream =>
        environment.VIANET_MODE === 'http'
          ? new PartnerCenterClient({
              apiUrl: environment.VIANET_API_URL ?? '',
              tokenUrl: environment.VIANET_TOKEN_URL ?? '',
              clientId: environment.VIANET_CLIENT_ID ?? '',
              clientSecret: environment.VIANET_CLIENT_SECRET ?? '',
              timeoutMs: environment.VIANET_TIMEOUT_MS,
            })
          : simulator,
    },
  ],
  exports: [EscalationsService, SimulatedVianetUpstream, VianetUpstream],
})
export class EscalationModule {}
