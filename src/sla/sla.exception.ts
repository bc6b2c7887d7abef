import { assertNever, DomainException, type ProblemSpec } from '../common/problems/domain.exception.js';

export enum SlaExceptionCode {
  PolicyNotFound = 'policy_not_found',
  PolicyNameTaken = 'policy_name_taken',
  DefaultPolicyRequired = 'default_policy_required',
}

export class SlaException extends DomainException<SlaExceptionCode> {
  constructor(code: SlaExceptionCode, message: string) {
    super(code, message);
  }

  toProblem(): ProblemSpec {
    switch (this.code) {
      case SlaExceptionCode.PolicyNotFound:
        return { status: 404, type: 'sla-policy-not-found', title: 'No such SLA policy' };
      case SlaExceptionCode.PolicyNameTaken:
        return { status: 409, type: 'sla-policy-name-taken', title: 'Another SLA policy has this name' };
      case SlaExceptionCode.DefaultPolicyRequired:
        return {
          status: 409,
          type: 'default-sla-policy-required',
          title: 'One SLA policy must stay the default',
        };
      default:
        return assertNever(this.code);
    }
  }
}
