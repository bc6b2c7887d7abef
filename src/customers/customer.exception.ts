import { assertNever, DomainException, type ProblemSpec } from '../common/problems/domain.exception.js';

export enum CustomerExceptionCode {
  CustomerNotFound = 'customer_not_found',
  SubscriptionNotFound = 'subscription_not_found',
  TenantAlreadyRegistered = 'tenant_already_registered',
}

export class CustomerException extends DomainException<CustomerExceptionCode> {
  constructor(
    code: CustomerExceptionCode,
    message: string,
    readonly existingCustomerId?: string,
  ) {
    super(code, message);
  }

  static notFound(id: string): CustomerException {
    return new CustomerException(CustomerExceptionCode.CustomerNotFound, `No customer with id ${id}.`);
  }

  toProblem(): ProblemSpec {
    switch (this.code) {
      case CustomerExceptionCode.CustomerNotFound:
        return { status: 404, type: 'customer-not-found', title: 'No such customer' };
      case CustomerExceptionCode.SubscriptionNotFound:
        return { status: 404, type: 'subscription-not-found', title: 'No such subscription' };
      case CustomerExceptionCode.TenantAlreadyRegistered:
        return {
          status: 409,
          type: 'tenant-already-registered',
          title: 'A customer with this tenant already exists',
          extensions: { existingCustomerId: this.existingCustomerId },
        };
      default:
        return assertNever(this.code);
    }
  }
}
