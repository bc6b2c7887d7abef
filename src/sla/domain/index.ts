export * from './sla.types.js';
export * from './sla-domain.exception.js';
export { addOpenMs, countOpenMs, openSpans } from './calendar.js';
export { earliestDueAt, evaluateSla, nextSlaCheck, type SlaCheck } from './sla-clock.js';
export {
  MAX_TARGET_MINUTES,
  validateSlaPolicyRules,
  type SlaPolicyRuleViolation,
} from './sla-policy-rules.js';
