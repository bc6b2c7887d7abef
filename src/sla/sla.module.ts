import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { SlaClockService } from './sla-clock.service.js';
import { SlaController } from './sla.controller.js';
import { SlaJobs } from './sla.jobs.js';
import { SlaPoliciesService } from './sla-policies.service.js';
import { SlaPolicyVersionEntity } from './sla-policy-version.entity.js';
import { SlaPolicyEntity } from './sla-policy.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([SlaPolicyEntity, SlaPolicyVersionEntity]), CasesModule],
  controllers: [SlaController],
  providers: [SlaPoliciesService, SlaClockService, SlaJobs],
  exports: [SlaPoliciesService, SlaClockService],
})
export class SlaModule {}
