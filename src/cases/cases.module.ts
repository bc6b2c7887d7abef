import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseCommentEntity } from './case-comment.entity.js';
import { CaseCommentsService } from './case-comments.service.js';
import { CaseEventEntity } from './case-event.entity.js';
import { AutoCloseJobs } from './auto-close.jobs.js';
import { CaseIntakeService } from './case-intake.service.js';
import { CaseRepository } from './case.repository.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { IdempotencyRecordEntity } from './idempotency-record.entity.js';
import { IdempotencyRecordsJobs } from './idempotency-records.jobs.js';
import { SupportCaseEntity } from './support-case.entity.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      SupportCaseEntity,
      CaseCommentEntity,
      CaseEventEntity,
      IdempotencyRecordEntity,
    ]),
  ],
  controllers: [CasesController],
  providers: [
    CaseRepository,
    CaseIntakeService,
    CasesService,
    CaseCommentsService,
    IdempotencyRecordsJobs,
    AutoCloseJobs,
  ],
  exports: [CaseRepository, CasesService, CaseCommentsService],
})
export class CasesModule {}
