import { ApiKeyEntity } from '../auth/api-key.entity.js';
import { CaseCommentEntity } from '../cases/case-comment.entity.js';
import { CaseEventEntity } from '../cases/case-event.entity.js';
import { IdempotencyRecordEntity } from '../cases/idempotency-record.entity.js';
import { SupportCaseEntity } from '../cases/support-case.entity.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import { SubscriptionEntity } from '../customers/subscription.entity.js';
import { EscalationEntity } from '../escalation/escalation.entity.js';
import { ArticleEntity } from '../knowledge/article.entity.js';
import { ServiceIncidentEntity } from '../service-health/service-incident.entity.js';
import { SlaPolicyVersionEntity } from '../sla/sla-policy-version.entity.js';
import { SlaPolicyEntity } from '../sla/sla-policy.entity.js';

/** Every TypeORM entity, listed explicitly so the app, the CLI and jest load the same set. */
export const ENTITIES = [
  ApiKeyEntity,
  CustomerEntity,
  SubscriptionEntity,
  SupportCaseEntity,
  CaseCommentEntity,
  CaseEventEntity,
  IdempotencyRecordEntity,
  SlaPolicyEntity,
  SlaPolicyVersionEntity,
  ArticleEntity,
  ServiceIncidentEntity,
  EscalationEntity,
];
