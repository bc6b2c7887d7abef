import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { KnowledgeModule } from '../knowledge/knowledge.module.js';
import { ServiceHealthModule } from '../service-health/service-health.module.js';
import { TriageJobs } from './triage.jobs.js';
import { TriageService } from './triage.service.js';

@Module({
  imports: [CasesModule, KnowledgeModule, ServiceHealthModule],
  providers: [TriageService, TriageJobs],
})
export class TriageModule {}
