import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { pageByCreation, type Page } from '../common/pagination/page.js';
import { RequestException } from '../common/problems/request-exception.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { validateSlaPolicyRules } from './domain/sla-policy-rules.js';
import type { Severity, SlaPolicyRules, SlaTargets } from './domain/sla.types.js';
import type { SeverityTargetsDto, SlaPolicyInputDto } from './dtos/sla-policy-input.dto.js';
import { SlaPolicyDto } from './dtos/sla-policy.dto.js';
import { SlaPolicyVersionEntity } from './sla-policy-version.entity.js';
import { SlaPolicyEntity } from './sla-policy.entity.js';
import { SlaException, SlaExceptionCode } from './sla.exception.js';

const DEFAULT_WARN_AT_PERCENT = 75;

function targetsOf(input: SeverityTargetsDto): SlaTargets {
  return {
    first_response: input.first_response,
    ...(input.next_response === undefined ? {} : { next_response: input.next_response }),
    resolution: input.resolution,
  };
}

/** The rules of a policy body, with defaults; refused with every field at fault when invalid. */
export function rulesOf(input: SlaPolicyInputDto): SlaPolicyRules {
  const { calendar } = input;
  const rules: SlaPolicyRules = {
    calendar:
      calendar.type === '24x7'
        ? { type: '24x7' }
        : {
            type: 'business_hours',
            timeZone: calendar.timeZone ?? '',
            weekly: (calendar.weekly ?? []).map(({ day, start, end }) => ({ day, start, end })),
            holidays: [...new Set(calendar.holidays ?? [])].sort(),
          },
    pauseWhileEscalated: input.pauseWhileEscalated ?? false,
    warnAtPercent: input.warnAtPercent ?? DEFAULT_WARN_AT_PERCENT,
    targets: { A: targetsOf(input.targets.A), B: targetsOf(input.targets.B), C: targetsOf(input.targets.C) },
    autoEscalation: input.autoEscalation
      ? {
          atPercent: input.autoEscalation.atPercent,
          severities: [...new Set<Severity>(input.autoEscalation.severities ?? ['A'])],
        }
      : null,
  };
  const violations = validateSlaPolicyRules(rules);
  if (violations.length > 0) throw RequestException.validation(violations);
  return rules;
}

@Injectable()
export class SlaPoliciesService {
  /** Versions never change once written, so their rules can be kept for the life of the process. */
  private readonly versionRules = new Map<
    string,
    { policyId: string; version: number; rules: SlaPolicyRules }
  >();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(SlaPolicyEntity) private readonly policies: Repository<SlaPolicyEntity>,
  ) {}

  async create(input: SlaPolicyInputDto): Promise<SlaPolicyDto> {
    const rules = rulesOf(input);
    return this.write(async (manager) => {
      if (input.isDefault) await this.clearDefault(manager);
      const versionId = randomUUID();
      const policy = await manager
        .getRepository(SlaPolicyEntity)
        .save({ name: input.name, isDefault: input.isDefault ?? false, currentVersionId: versionId });
      return this.addVersion(manager, policy, versionId, 1, rules);
    });
  }

  /** Replaces the rules with a new version: cases opened from now on get it, open ones keep theirs. */
  async replace(id: string, input: SlaPolicyInputDto): Promise<SlaPolicyDto> {
    const rules = rulesOf(input);
    return this.write(async (manager) => {
      const repository = manager.getRepository(SlaPolicyEntity);
      const policy = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!policy) throw this.notFound(id);
      if (policy.isDefault && input.isDefault === false) {
        throw new SlaException(
          SlaExceptionCode.DefaultPolicyRequired,
          'This is the default policy; make another policy the default instead.',
        );
      }
      if (input.isDefault && !policy.isDefault) await this.clearDefault(manager);
      const current = await manager
        .getRepository(SlaPolicyVersionEntity)
        .findOneByOrFail({ id: policy.currentVersionId });
      policy.name = input.name;
      policy.isDefault = input.isDefault ?? policy.isDefault;
      await repository.save(policy);
      return this.addVersion(manager, policy, randomUUID(), current.version + 1, rules);
    });
  }

  async get(id: string): Promise<SlaPolicyDto> {
    const policy = await this.policies.findOneBy({ id });
    if (!policy) throw this.notFound(id);
    const version = await this.dataSource.getRepository(SlaPolicyVersionEntity).findOneByOrFail({
      id: policy.currentVersionId,
    });
    return SlaPolicyDto.from(policy, version);
  }

  async list(limit: number, cursor?: string): Promise<Page<SlaPolicyDto>> {
    const query = this.policies
      .createQueryBuilder('policy')
      .innerJoinAndMapOne(
        'policy.current',
        SlaPolicyVersionEntity,
        'version',
        'version.id = policy.currentVersionId',
      );
    return pageByCreation(query, { limit, cursor }, (row) => {
      const { current } = row as SlaPolicyEntity & { current: SlaPolicyVersionEntity };
      return SlaPolicyDto.from(row, current);
    });
  }

  /** The rules of a policy version (cached: versions are immutable). */
  async versionOf(versionId: string): Promise<{ policyId: string; version: number; rules: SlaPolicyRules }> {
    const cached = this.versionRules.get(versionId);
    if (cached) return cached;
    const row = await this.dataSource
      .getRepository(SlaPolicyVersionEntity)
      .findOneByOrFail({ id: versionId });
    const entry = { policyId: row.policyId, version: row.version, rules: row.rules };
    this.versionRules.set(versionId, entry);
    return entry;
  }

  private async addVersion(
    manager: EntityManager,
    policy: SlaPolicyEntity,
    versionId: string,
    version: number,
    rules: SlaPolicyRules,
  ): Promise<SlaPolicyDto> {
    const saved = await manager
      .getRepository(SlaPolicyVersionEntity)
      .save({ id: versionId, policyId: policy.id, version, rules });
    await manager.getRepository(SlaPolicyEntity).update({ id: policy.id }, { currentVersionId: saved.id });
    const fresh = await manager.getRepository(SlaPolicyEntity).findOneByOrFail({ id: policy.id });
    return SlaPolicyDto.from(fresh, saved);
  }

  private async clearDefault(manager: EntityManager): Promise<void> {
    await manager.getRepository(SlaPolicyEntity).update({ isDefault: true }, { isDefault: false });
  }

  private async write(work: (manager: EntityManager) => Promise<SlaPolicyDto>): Promise<SlaPolicyDto> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'uq_sla_policies_name')) {
        throw new SlaException(SlaExceptionCode.PolicyNameTaken, 'Another SLA policy already has this name.');
      }
      if (isUniqueViolation(error, 'uq_sla_policies_default')) {
        throw new SlaException(
          SlaExceptionCode.DefaultPolicyRequired,
          'Another request changed the default policy at the same time; read the policies again and retry.',
        );
      }
      throw error;
    }
  }

  private notFound(id: string): SlaException {
    return new SlaException(SlaExceptionCode.PolicyNotFound, `No SLA policy with id ${id}.`);
  }
}
