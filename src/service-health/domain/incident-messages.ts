import type { CloudService } from '../../customers/domain/cloud-service.js';

type Language = 'en' | 'fr' | 'zh';

export interface IncidentSummary {
  title: string;
  service: CloudService;
  region: string | null;
}

const SERVICE_NAMES: Record<CloudService, string> = {
  azure: 'Azure',
  microsoft365: 'Microsoft 365',
  dynamics365: 'Dynamics 365',
  'power-bi': 'Power BI',
  other: '21Vianet',
};

function where(incident: IncidentSummary, language: Language): string {
  const service = SERVICE_NAMES[incident.service];
  if (!incident.region) return service;
  return language === 'zh' ? `${service}（${incident.region}）` : `${service} (${incident.region})`;
}

/** The automatic public acknowledgement of a case explained by a known incident, in the case's language. */
export function incidentAcknowledgement(incident: IncidentSummary, language: Language): string {
  switch (language) {
    case 'fr':
      return `Nous avons connaissance d'un incident en cours sur ${where(incident, language)} : « ${incident.title} ». Il explique probablement votre demande ; 21Vianet y travaille et nous vous tiendrons informé de son rétablissement.`;
    case 'zh':
      return `我们已知悉${where(incident, language)}正在发生的服务事件：“${incident.title}”。它很可能是您所报告问题的原因，世纪互联正在处理，恢复后我们会第一时间通知您。`;
    default:
      return `We are aware of an ongoing incident affecting ${where(incident, language)}: "${incident.title}". It most likely explains your request; 21Vianet is working on it and we will let you know as soon as it is resolved.`;
  }
}

/** The public update posted on linked cases when the incident is resolved. */
export function incidentResolvedUpdate(incident: IncidentSummary, language: Language): string {
  switch (language) {
    case 'fr':
      return `L'incident « ${incident.title} » sur ${where(incident, language)} est résolu. Pouvez-vous vérifier que tout fonctionne de nouveau de votre côté ? Répondez-nous si le problème persiste.`;
    case 'zh':
      return `服务事件“${incident.title}”（${where(incident, language)}）已经恢复。请确认您那边是否一切正常；如果问题仍然存在，请直接回复我们。`;
    default:
      return `The incident "${incident.title}" affecting ${where(incident, language)} is resolved. Could you check that everything works again on your side? Reply here if the problem persists.`;
  }
}
