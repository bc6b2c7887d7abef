import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/domain/access.js';
import { CustomersService } from '../customers/customers.service.js';
import { assessServiceHealth, type ServiceIncidentView } from './domain/service-health.js';
import type { CustomerServiceHealthDto } from './dtos/service-health.dto.js';

@Injectable()
export class ServiceHealthService {
  constructor(private readonly customers: CustomersService) {}

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
      await this.activeIncidents(),
    );
    return {
      checkedAt: checkedAt.toISOString(),
      services: health.map((service) => ({
        ...service,
        incidents: service.incidents.map((incident) => ({
          ...incident,
          startedAt: incident.startedAt.toISOString(),
        })),
      })),
    };
  }

  /** Service incidents (from the 21Vianet feed or entered by admins) arrive with the pipeline issue (#5). */
  private activeIncidents(): Promise<ServiceIncidentView[]> {
    return Promise.resolve([]);
  }
}
