import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { canAccessCustomer, customerScope, type Principal } from '../auth/domain/access.js';
import {
  isConstraintViolation,
  isUniqueViolation,
  PG_FOREIGN_KEY_VIOLATION,
} from '../database/postgres-errors.js';
import { RequestException } from '../common/problems/request-exception.js';
import { presentFields } from '../common/validation/present-fields.js';
import { pageByCreation, type Page } from '../common/pagination/page.js';
import { CustomerEntity } from './customer.entity.js';
import { CustomerException, CustomerExceptionCode } from './customer.exception.js';
import type { CreateCustomerDto } from './dtos/create-customer.dto.js';
import { CustomerDto } from './dtos/customer.dto.js';
import {
  type CreateSubscriptionDto,
  SubscriptionDto,
  type UpdateSubscriptionDto,
} from './dtos/subscription.dto.js';
import type { UpdateCustomerDto } from './dtos/update-customer.dto.js';
import { SubscriptionEntity } from './subscription.entity.js';

const DEFAULT_LOCALE = 'zh';
const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

@Injectable()
export class CustomersService {
  constructor(
    @InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>,
    @InjectRepository(SubscriptionEntity) private readonly subscriptions: Repository<SubscriptionEntity>,
  ) {}

  async create(input: CreateCustomerDto): Promise<CustomerDto> {
    const customer = this.customers.create({
      name: input.name,
      tenantId: input.tenantId,
      domain: input.domain ?? null,
      locale: input.locale ?? DEFAULT_LOCALE,
      timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
      slaPolicyId: input.slaPolicyId ?? null,
      contacts: (input.contacts ?? []).map((contact) => ({ ...contact })),
    });
    return CustomerDto.from(await this.saveCustomer(customer));
  }

  async list(principal: Principal, limit: number, cursor?: string): Promise<Page<CustomerDto>> {
    const query = this.customers.createQueryBuilder('customer');
    const scope = customerScope(principal);
    if (scope) query.where('customer.id = ANY(:scope)', { scope });
    return pageByCreation(query, { limit, cursor }, (row) => CustomerDto.from(row));
  }

  async get(principal: Principal, id: string): Promise<CustomerDto> {
    return CustomerDto.from(await this.findVisible(principal, id));
  }

  async update(id: string, changes: UpdateCustomerDto): Promise<CustomerDto> {
    const customer = await this.customers.findOneBy({ id });
    if (!customer) throw CustomerException.notFound(id);
    const { contacts, ...fields } = presentFields(changes);
    Object.assign(customer, fields);
    if (contacts) customer.contacts = contacts.map((contact) => ({ ...contact }));
    return CustomerDto.from(await this.saveCustomer(customer));
  }

  /** The ids among `ids` that name a customer. */
  async findExistingIds(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.customers.find({ where: { id: In([...ids]) }, select: { id: true } });
    return rows.map((row) => row.id);
  }

  /** A customer, for the system's own use (workers). */
  async findForSystem(id: string): Promise<CustomerEntity> {
    const customer = await this.customers.findOneBy({ id });
    if (!customer) throw CustomerException.notFound(id);
    return customer;
  }

  /** A customer the principal may see; another customer's is as unknown as a missing one. */
  async findVisible(principal: Principal, id: string): Promise<CustomerEntity> {
    const customer = canAccessCustomer(principal, id) ? await this.customers.findOneBy({ id }) : null;
    if (!customer) throw CustomerException.notFound(id);
    return customer;
  }

  async addSubscription(customerId: string, input: CreateSubscriptionDto): Promise<SubscriptionDto> {
    if ((await this.findExistingIds([customerId])).length === 0) throw CustomerException.notFound(customerId);
    const saved = await this.subscriptions.save(
      this.subscriptions.create({
        customerId,
        service: input.service,
        plan: input.plan ?? null,
        region: input.region ?? null,
        status: input.status ?? 'active',
      }),
    );
    return SubscriptionDto.from(saved);
  }

  async listSubscriptions(
    principal: Principal,
    customerId: string,
    limit: number,
    cursor?: string,
  ): Promise<Page<SubscriptionDto>> {
    await this.findVisible(principal, customerId);
    const query = this.subscriptions
      .createQueryBuilder('subscription')
      .where('subscription.customerId = :customerId', { customerId });
    return pageByCreation(query, { limit, cursor }, (row) => SubscriptionDto.from(row));
  }

  /** Every subscription of a customer the principal may see (for the service-health view). */
  async allSubscriptions(principal: Principal, customerId: string): Promise<SubscriptionEntity[]> {
    await this.findVisible(principal, customerId);
    return this.subscriptionsOf(customerId);
  }

  /** Every subscription of a customer, oldest first (for the system's own use). */
  subscriptionsOf(customerId: string): Promise<SubscriptionEntity[]> {
    return this.subscriptions.find({ where: { customerId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Every subscription of several customers (for the system's own use). */
  subscriptionsOfCustomers(customerIds: readonly string[]): Promise<SubscriptionEntity[]> {
    if (customerIds.length === 0) return Promise.resolve([]);
    return this.subscriptions.find({ where: { customerId: In([...customerIds]) } });
  }

  async updateSubscription(
    customerId: string,
    subscriptionId: string,
    changes: UpdateSubscriptionDto,
  ): Promise<SubscriptionDto> {
    const subscription = await this.subscriptions.findOneBy({ id: subscriptionId, customerId });
    if (!subscription) {
      throw new CustomerException(
        CustomerExceptionCode.SubscriptionNotFound,
        `Customer ${customerId} has no subscription with id ${subscriptionId}.`,
      );
    }
    Object.assign(subscription, presentFields(changes));
    return SubscriptionDto.from(await this.subscriptions.save(subscription));
  }

  private async saveCustomer(customer: CustomerEntity): Promise<CustomerEntity> {
    try {
      return await this.customers.save(customer);
    } catch (error) {
      if (isConstraintViolation(error, PG_FOREIGN_KEY_VIOLATION, 'fk_customers_sla_policy')) {
        throw RequestException.validation([
          { field: 'slaPolicyId', message: `no SLA policy with id ${customer.slaPolicyId}` },
        ]);
      }
      if (!isUniqueViolation(error, 'uq_customers_tenant_id')) throw error;
      const existing = await this.customers.findOne({
        where: { tenantId: customer.tenantId },
        select: { id: true },
      });
      throw new CustomerException(
        CustomerExceptionCode.TenantAlreadyRegistered,
        `Customer ${existing?.id ?? '(unknown)'} already has tenant ${customer.tenantId}.`,
        existing?.id,
      );
    }
  }
}
