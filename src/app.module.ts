import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuthModule } from './auth/auth.module.js';
import { ProblemFilter } from './common/problems/problem.filter.js';
import { RequestValidationPipe } from './common/validation/request-validation.pipe.js';
import { ConfigModule } from './config/config.module.js';
import type { Environment } from './config/environment.js';
import { CasesModule } from './cases/cases.module.js';
import { EscalationModule } from './escalation/escalation.module.js';
import { EventsModule } from './events/events.module.js';
import { CustomersModule } from './customers/customers.module.js';
import { DatabaseModule } from './database/database.module.js';
import { databaseOptions } from './database/database-options.js';
import { HealthModule } from './health/health.module.js';
import { KnowledgeModule } from './knowledge/knowledge.module.js';
import { TriageModule } from './triage/triage.module.js';
import { loggerOptions } from './logging/logger-options.js';
import { ObservabilityModule } from './observability/observability.module.js';
import { QueueModule } from './queue/queue.module.js';
import { RedisModule } from './redis/redis.module.js';
import { ServiceHealthModule } from './service-health/service-health.module.js';
import { SlaModule } from './sla/sla.module.js';

/** The whole application; `ROLE` decides at bootstrap whether it serves HTTP, runs workers, or both. */
@Module({})
export class AppModule {
  static forRoot(environment: Environment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(environment),
        LoggerModule.forRoot(loggerOptions(environment)),
        TypeOrmModule.forRoot({ ...databaseOptions(environment), retryAttempts: 3, retryDelay: 1000 }),
        DatabaseModule,
        RedisModule,
        QueueModule,
        AuthModule,
        CustomersModule,
        CasesModule,
        SlaModule,
        KnowledgeModule,
        TriageModule,
        EscalationModule,
        EventsModule,
        ServiceHealthModule,
        HealthModule,
        ObservabilityModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useClass: RequestValidationPipe },
      ],
    };
  }
}
