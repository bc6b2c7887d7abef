import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { customerScope, type Principal } from '../auth/domain/access.js';
import { CasesService } from '../cases/cases.service.js';
import { OPEN_STATUSES, SYSTEM_ACTOR } from '../cases/domain/case.types.js';
import { pageByCreation, type Page } from '../common/pagination/page.js';
import { presentFields } from '../common/validation/present-fields.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { rawQuery } from '../database/raw-query.js';
import { JobQueue } from '../queue/job-queue.service.js';
import { JobName } from '../queue/queue.types.js';
import { incidentResolvedUpdate } from './domain/incident-messages.js';
import type {
  CreateServiceIncidentDto,
  UpdateServiceIncidentDto,
} from './dtos/service-incident-input.dto.js';
import { ServiceIncidentDto } from './dtos/service-health.dto.js';
import { IncidentFeed } from './feed/incident-feed.js';
import { ServiceIncidentEntity } from './service-incident.entity.js';
import { ServiceHealthException, ServiceHealthExceptionCode } from './service-health.exception.js';

@Injectable()
export class ServiceIncidentsService {
  private readonly logger = new Logger(ServiceIncidentsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(ServiceIncidentEntity) private readonly incidents: Repository<ServiceIncidentEntity>,
    private readonly cases: CasesService,
    private readonly jobs: JobQueue,
    private readonly feed: IncidentFeed,
  ) {}

  async create(principal: Principal, input: CreateServiceIncidentDto): Promise<ServiceIncidentDto> {
    try {
      const saved = await this.incidents.save(
        this.incidents.create({
          externalId: input.externalId ?? null,
          service: input.service,
          region: input.region ?? null,
          title: input.title,
          status: input.status,
          source: principal.role === 'integration' ? 'integration' : 'admin',
          // A partner system speaks for its own customers only, never to every customer of the reseller.
          customerScope: principal.role === 'integration' ? [...principal.customerIds] : null,
          startedAt: input.startedAt ? new Date(input.startedAt) : new Date(),
          resolvedAt: null,
          resolutionAnnouncedAt: null,
        }),
      );
      return ServiceIncidentDto.from(saved);
    } catch (error) {
      if (!isUniqueViolation(error, 'uq_service_incidents_external_id')) throw error;
      const existing = await this.incidents.findOneBy({ externalId: input.externalId });
      throw new ServiceHealthException(
        ServiceHealthExceptionCode.ExternalIdTaken,
        `Incident ${existing?.id ?? '(unknown)'} already has externalId ${JSON.stringify(input.externalId)}.`,
        { existingIncidentId: existing?.id },
      );
    }
  }

  async update(
    principal: Principal,
    id: string,
    changes: UpdateServiceIncidentDto,
  ): Promise<ServiceIncidentDto> {
    const incident = await this.incidents.findOneBy({ id });
    if (!incident || !this.writable(principal, incident)) throw this.notFound(id);
    const resolving = changes.status === 'resolved' && incident.status !== 'resolved';
    Object.assign(incident, presentFields(changes));
    if (resolving) incident.resolvedAt = new Date();
    if (changes.status && changes.status !== 'resolved') {
      incident.resolvedAt = null;
      incident.resolutionAnnouncedAt = null;
    }
    const saved = await this.incidents.save(incident);
    if (resolving) await this.requestAnnouncement(saved.id);
    return ServiceIncidentDto.from(saved);
  }

  async get(principal: Principal, id: string): Promise<ServiceIncidentDto> {
    const incident = await this.incidents.findOneBy({ id });
    if (!incident || !this.visible(principal, incident)) throw this.notFound(id);
    return ServiceIncidentDto.from(incident);
  }

  async list(
    principal: Principal,
    limit: number,
    cursor?: string,
    active?: boolean,
  ): Promise<Page<ServiceIncidentDto>> {
    const query = this.incidents.createQueryBuilder('incident');
    const scope = customerScope(principal);
    if (scope) {
      query.andWhere('(incident.customerScope IS NULL OR incident.customerScope && :scope::uuid[])', {
        scope,
      });
    }
    if (active === true) query.andWhere(`incident.status <> 'resolved'`);
    if (active === false) query.andWhere(`incident.status = 'resolved'`);
    return pageByCreation(query, { limit, cursor }, (row) => ServiceIncidentDto.from(row));
  }

  /** Every incident not yet resolved. */
  active(): Promise<ServiceIncidentEntity[]> {
    return this.incidents
      .createQueryBuilder('incident')
      .where(`incident.status <> 'resolved'`)
      .orderBy('incident.startedAt', 'DESC')
      .getMany();
  }

  /**
   * Reads the upstream feed: its incidents are inserted or updated, the feed's incidents it no longer
   * lists are resolved, and every resolved incident not yet announced is announced.
   */
  async pollFeed(): Promise<{ active: number; resolved: number }> {
    const listed = await this.feed.activeIncidents();
    if (listed === null) {
      await this.announcePending();
      return { active: 0, resolved: 0 };
    }
    for (const incident of listed) {
      await this.dataSource.query(
        `INSERT INTO service_incidents (external_id, service, region, title, status, source, started_at)
         VALUES ($1, $2, $3, $4, $5, 'feed', $6)
         ON CONFLICT (external_id) DO UPDATE
           SET service = EXCLUDED.service, region = EXCLUDED.region, title = EXCLUDED.title, status = EXCLUDED.status,
               resolved_at = NULL, resolution_announced_at = NULL, updated_at = now()
           WHERE service_incidents.source = 'feed'`,
        [
          incident.externalId,
          incident.service,
          incident.region,
          incident.title,
          incident.status,
          incident.startedAt,
        ],
      );
    }
    const { records: resolved } = await rawQuery<{ id: string }>(
      this.dataSource.manager,
      `UPDATE service_incidents SET status = 'resolved', resolved_at = now(), updated_at = now()
       WHERE source = 'feed' AND status <> 'resolved' AND NOT (external_id = ANY($1::text[]))
       RETURNING id`,
      [listed.map((incident) => incident.externalId)],
    );
    await this.announcePending();
    return { active: listed.length, resolved: resolved.length };
  }

  /** Announces every resolved incident not yet announced (their job may have been lost). */
  private async announcePending(): Promise<void> {
    const unannounced: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM service_incidents WHERE status = 'resolved' AND resolution_announced_at IS NULL`,
    );
    for (const { id } of unannounced) await this.announceResolution(id);
  }

  /** Tells every open case linked to a resolved incident, once each, then marks the incident announced. */
  async announceResolution(incidentId: string): Promise<{ told: number }> {
    const incident = await this.incidents.findOneBy({ id: incidentId });
    if (!incident || incident.status !== 'resolved' || incident.resolutionAnnouncedAt) return { told: 0 };
    const linked: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM cases WHERE incident_ids @> ARRAY[$1]::uuid[] AND status = ANY($2)`,
      [incidentId, OPEN_STATUSES],
    );
    let told = 0;
    for (const { id } of linked) {
      await this.cases.mutate(id, {}, async (current, now, manager) => {
        const first: unknown[] = await manager.query(
          `INSERT INTO case_events (case_id, type, at, actor, data) VALUES ($1, 'incident_resolved', now(), $2::jsonb, $3::jsonb)
           ON CONFLICT DO NOTHING RETURNING id`,
          [id, JSON.stringify(SYSTEM_ACTOR), JSON.stringify({ incidentId })],
        );
        if (first.length === 0) return null;
        told += 1;
        const comment: { id: string }[] = await manager.query(
          `INSERT INTO case_comments (case_id, body, visibility, author_type, author_name, created_at)
           VALUES ($1, $2, 'public', 'system', 'CaseBridge', $3) RETURNING id`,
          [id, incidentResolvedUpdate(incident, current.language ?? 'en'), now],
        );
        return {
          changes: {},
          events: [
            {
              type: 'comment_added',
              actor: SYSTEM_ACTOR,
              data: { commentId: comment[0].id, visibility: 'public', authorType: 'system', incidentId },
            },
          ],
        };
      });
    }
    await this.incidents.update({ id: incidentId }, { resolutionAnnouncedAt: () => 'now()' });
    if (told > 0) this.logger.log({ incidentId, told }, 'incident resolution announced on linked cases');
    return { told };
  }

  /** Announces at once when Redis answers; otherwise the next feed poll announces it. */
  private async requestAnnouncement(incidentId: string): Promise<void> {
    try {
      await this.jobs.enqueue({ name: JobName.AnnounceIncidentResolution, data: { incidentId } });
    } catch (error) {
      this.logger.warn({ incidentId, err: error }, 'announcement deferred to the next feed poll');
    }
  }

  /** Integration keys see global incidents and those of their customers. */
  private visible(principal: Principal, incident: ServiceIncidentEntity): boolean {
    const scope = customerScope(principal);
    return !scope || !incident.customerScope || incident.customerScope.some((id) => scope.includes(id));
  }

  /** Integration keys change only incidents scoped within their own customers. */
  private writable(principal: Principal, incident: ServiceIncidentEntity): boolean {
    const scope = customerScope(principal);
    return (
      !scope || (incident.customerScope !== null && incident.customerScope.every((id) => scope.includes(id)))
    );
  }

  private notFound(id: string): ServiceHealthException {
    return new ServiceHealthException(
      ServiceHealthExceptionCode.IncidentNotFound,
      `No service incident with id ${id}.`,
    );
  }
}
