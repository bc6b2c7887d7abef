import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/domain/access.js';
import { CustomersService } from '../customers/customers.service.js';
import type { CloudService } from '../customers/domain/cloud-service.js';
import { affects, assessServiceHealth } from './domain/service-health.js';
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
   * The active incidents that explain a case: those affecting its subscription, or, without one, the
   * customer's active subscriptions of the case's service.
   */
  async incidentsAffecting(
    customerId: string,
    subscriptionId: string | null,
    service: CloudService | null,
  ): Promise<ServiceIncidentEntity[]> {
    if (!subscriptionId && !service) return [];
    const subscriptions = (await this.customers.subscriptionsOf(customerId)).filter(
      (subscription) =>
        subscription.status === 'active' &&
        (subscriptionId ? subscription.id === subscriptionId : subscription.service === service),
    );
    if (subscriptions.length === 0) return [];
    const active = await this.incidents.active();
    return active.filter((incident) => subscriptions.some((subscription) => affects(incident, subscription)));
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
      await this.incidents.active(),
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
