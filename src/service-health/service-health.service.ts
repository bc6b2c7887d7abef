import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/domain/access.js';
import { CustomersService } from '../customers/customers.service.js';
import type { SupportCaseEntity } from '../cases/support-case.entity.js';
import { affects, assessServiceHealth, concernsCustomer } from './domain/service-health.js';
import type { ServiceIncidentEntity } from './service-incident.entity.js';
import { type CustomerServiceHealthDto, ServiceIncidentDto } from './dtos/service-health.dto.js';
import { ServiceIncidentsService } from './service-incidents.service.js';

@Injectable()
export class ServiceHealthService {
  constructor(
    private readonly customers: CustomersService,
    private readonly incidents: ServiceIncidentsService,
  ) {}

  /**
   * The active incidents that explain each case: those affecting its subscription, or, without one,
   * the customer's active subscriptions of the case's service. Two queries for any number of cases.
   */
  async incidentsAffectingCases(
    cases: readonly Pick<SupportCaseEntity, 'id' | 'customerId' | 'subscriptionId' | 'service'>[],
  ): Promise<Map<string, ServiceIncidentEntity[]>> {
    const concerned = cases.filter((supportCase) => supportCase.subscriptionId || supportCase.service);
    const affecting = new Map<string, ServiceIncidentEntity[]>();
    if (concerned.length === 0) return affecting;
    const active = await this.incidents.active();
    if (active.length === 0) return affecting;
    const subscriptions = await this.customers.subscriptionsOfCustomers([
      ...new Set(concerned.map((supportCase) => supportCase.customerId)),
    ]);
    for (const supportCase of concerned) {
      const relevant = subscriptions.filter(
        (subscription) =>
          subscription.customerId === supportCase.customerId &&
          subscription.status === 'active' &&
          (supportCase.subscriptionId
            ? subscription.id === supportCase.subscriptionId
            : subscription.service === supportCase.service),
      );
      const incidents = active.filter(
        (incident) =>
          concernsCustomer(incident, supportCase.customerId) &&
          relevant.some((subscription) => affects(incident, subscription)),
      );
      if (incidents.length > 0) affecting.set(supportCase.id, incidents);
    }
    return affecting;
  }

  /** The health of every service the customer subscribes to, at this moment. */
  async customerServiceHealth(principal: Principal, customerId: string): Promise<CustomerServiceHealthDto> {
    const subscriptions = await this.customers.allSubscriptions(principal, customerId);
    const checkedAt = new Date();
    const health = assessServiceHealth(
      subscriptions
        .filter((subscription) => subscription.status !== 'cancelled')
        .map((subscription) => ({
          subscriptionId: subscription.id,
          service: subscription.service,
          region: subscription.region,
        })),
      (await this.incidents.active()).filter((incident) => concernsCustomer(incident, customerId)),
    );
    return {
      checkedAt: checkedAt.toISOString(),
      services: health.map((service) => ({
        ...service,
        incidents: service.incidents.map((incident) => ServiceIncidentDto.from(incident)),
      })),
    };
  }
}
