import type { HandoffPacket, HealthCheckSnapshot } from './escalation.types.js';

export type CaseSeverity = 'A' | 'B' | 'C';

/** Partner Center severities for the case's: A critical, B moderate, C minimal. */
export function upstreamSeverity(severity: CaseSeverity): 'critical' | 'moderate' | 'minimal' {
  switch (severity) {
    case 'A':
      return 'critical';
    case 'B':
      return 'moderate';
    default:
      return 'minimal';
  }
}

/** The locale path segment of a service request, from the customer's locale. */
export function upstreamLocale(locale: string | null | undefined): string {
  switch (locale) {
    case 'zh':
      return 'zh-CN';
    case 'fr':
      return 'fr-FR';
    default:
      return 'en-US';
  }
}

/** The reference CaseBridge writes into the request, to find it upstream again: `CB-<case number>-<8 hex>`. */
export function escalationReference(caseNumber: number, escalationId: string): string {
  return `CB-${caseNumber}-${escalationId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

/** Whether an upstream request carries our reference (in its description or title, any case). */
export function carriesReference(
  request: { description: string | null; title: string | null },
  reference: string,
): boolean {
  const needle = reference.toLowerCase();
  return [request.description, request.title].some((text) => text?.toLowerCase().includes(needle) ?? false);
}

export interface EscalationFacts {
  reference: string;
  caseNumber: number;
  caseTitle: string;
  caseDescription: string;
  severity: CaseSeverity;
  service: string | null;
  customerName: string;
  tenantId: string;
  reason: string;
  triedSteps: string | null;
  healthCheck: HealthCheckSnapshot;
  contact: { name: string; email: string; phone?: string } | null;
  /** The case's timeline, oldest first, as short lines (`2026-11-24T08:00Z opened by …`). */
  timeline: string[];
}

function healthLines(healthCheck: HealthCheckSnapshot): string[] {
  if (healthCheck.services.length === 0) return ['no subscription concerned'];
  return healthCheck.services.map((service) => {
    const incidents = service.incidents
      .map((incident) => `${incident.title} (${incident.status})`)
      .join('; ');
    return `${service.service}${service.region ? ` ${service.region}` : ''}: ${service.status}${incidents ? ` — ${incidents}` : ''}`;
  });
}

/** The description of the upstream service request: problem, what was tried, health check, our case and reference. */
export function requestDescription(facts: EscalationFacts): string {
  return [
    facts.caseDescription,
    '',
    `Reason for escalation: ${facts.reason}`,
    `Steps already tried: ${facts.triedSteps ?? 'none recorded'}`,
    `Service health at escalation (${facts.healthCheck.checkedAt}):`,
    ...healthLines(facts.healthCheck).map((line) => `  - ${line}`),
    `Partner case: #${facts.caseNumber} (CaseBridge reference ${facts.reference})`,
  ].join('\n');
}

/** The hand-off packet of portal mode: everything the portal form asks for, as text and as JSON. */
export function handoffPacket(facts: EscalationFacts): HandoffPacket {
  const json = {
    reference: facts.reference,
    customer: { name: facts.customerName, tenantId: facts.tenantId },
    service: facts.service,
    severity: upstreamSeverity(facts.severity),
    title: facts.caseTitle,
    problem: facts.caseDescription,
    reason: facts.reason,
    triedSteps: facts.triedSteps,
    healthCheck: facts.healthCheck,
    timeline: facts.timeline,
    contact: facts.contact,
    partnerCase: facts.caseNumber,
  };
  const text = [
    `Escalation ${facts.reference} — file in the Partner Center portal (21Vianet), then record the request number.`,
    '',
    `Customer: ${facts.customerName} (tenant ${facts.tenantId})`,
    `Service: ${facts.service ?? 'not specified'}`,
    `Severity: ${upstreamSeverity(facts.severity)} (case severity ${facts.severity})`,
    `Title: ${facts.caseTitle}`,
    '',
    'Problem:',
    facts.caseDescription,
    '',
    `Reason for escalation: ${facts.reason}`,
    `Steps already tried: ${facts.triedSteps ?? 'none recorded'}`,
    '',
    `Service health at escalation (${facts.healthCheck.checkedAt}):`,
    ...healthLines(facts.healthCheck).map((line) => `  - ${line}`),
    '',
    'Timeline:',
    ...facts.timeline.map((line) => `  - ${line}`),
    '',
    `Contact: ${facts.contact ? `${facts.contact.name} <${facts.contact.email}>${facts.contact.phone ? `, ${facts.contact.phone}` : ''}` : 'see the customer record'}`,
    `Partner case: #${facts.caseNumber}`,
  ].join('\n');
  return { text, json };
}

/** Splits a contact name into the first and last names Partner Center asks for. */
export function contactNames(name: string): { firstName: string; lastName: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return { firstName: parts[0], lastName: parts[0] };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts.at(-1) ?? '' };
}
