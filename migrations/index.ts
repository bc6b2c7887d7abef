import { Foundation1795485871504 } from './1795485871504-Foundation.js';
import { Cases1795490000000 } from './1795490000000-Cases.js';
import { Sla1795500000000 } from './1795500000000-Sla.js';
import { Pipeline1795510000000 } from './1795510000000-Pipeline.js';
import { Escalations1795520000000 } from './1795520000000-Escalations.js';
import { SlaEvaluatedAtAndIntakeNotify1795530000000 } from './1795530000000-SlaEvaluatedAtAndIntakeNotify.js';

/** Every migration, in order. A new migration is appended here; a landed one is never edited. */
export const MIGRATIONS = [
  Foundation1795485871504,
  Cases1795490000000,
  Sla1795500000000,
  Pipeline1795510000000,
  Escalations1795520000000,
  SlaEvaluatedAtAndIntakeNotify1795530000000,
];
