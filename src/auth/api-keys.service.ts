import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, type Repository } from 'typeorm';
import { pageByCreation, type Page } from '../common/pagination/page.js';
import { RequestException } from '../common/problems/request-exception.js';
import { CustomersService } from '../customers/customers.service.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { ApiKeyException, ApiKeyExceptionCode } from './api-key.exception.js';
import type { AccessRole, Principal } from './domain/access.js';
import { PgNotifications } from '../database/pg-notifications.js';
import { displayPrefix, generateApiKeySecret, hashApiKeySecret } from './domain/api-key-secret.js';
import { ApiKeyDto, type CreatedApiKeyDto } from './dtos/api-key.dto.js';

export interface NewApiKey {
  name: string;
  role: AccessRole;
  customerIds?: string[];
}

/** Revocations are announced on this channel (payload: the key id) to every process's cache. */
const REVOCATION_CHANNEL = 'casebridge_api_key_revoked';
const CACHE_TTL_MS = 60_000;
const CACHE_MAX_ENTRIES = 10_000;

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);
  /** Active keys by secret hash; used only while revocations can be heard (see PgNotifications). */
  private readonly cache = new Map<string, { principal: Principal; expiresAt: number }>();
  /** Bumped by every revocation heard: a lookup that overlapped one does not fill the cache. */
  private generation = 0;

  constructor(
    @InjectRepository(ApiKeyEntity) private readonly apiKeys: Repository<ApiKeyEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    private readonly notifications: PgNotifications,
  ) {
    notifications.subscribe(REVOCATION_CHANNEL, (keyId) => this.forget(keyId));
    notifications.onReset(() => {
      this.generation += 1;
      this.cache.clear();
    });
  }

  /**
   * The principal of an active key with this secret, or null. Answers come from a short-lived
   * cache while this process listens for revocations, so a revoked key stops everywhere at once.
   */
  async authenticate(secret: string): Promise<Principal | null> {
    const hash = hashApiKeySecret(secret);
    const cached = this.cache.get(hash);
    if (cached && cached.expiresAt > Date.now() && this.notifications.listening) return cached.principal;
    const generation = this.generation;
    const rows: { id: string; name: string; role: AccessRole; customer_ids: string[] }[] =
      await this.dataSource.query(
        'SELECT id, name, role, customer_ids FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL',
        [hash],
      );
    const key = rows[0];
    if (!key) {
      this.cache.delete(hash);
      return null;
    }
    const principal: Principal = {
      keyId: key.id,
      name: key.name,
      role: key.role,
      customerIds: key.customer_ids,
    };
    // A revocation heard while the row was read may concern this key: answer, but do not cache.
    if (generation !== this.generation) return principal;
    if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(hash, { principal, expiresAt: Date.now() + CACHE_TTL_MS });
    return principal;
  }

  private forget(keyId: string): void {
    this.generation += 1;
    for (const [hash, entry] of this.cache) {
      if (entry.principal.keyId === keyId) this.cache.delete(hash);
    }
  }

  async create(input: NewApiKey, createdBy: Principal): Promise<CreatedApiKeyDto> {
    const customerIds = input.customerIds ?? [];
    if (input.role === 'integration' && customerIds.length === 0) {
      throw RequestException.validation([
        { field: 'customerIds', message: 'an integration key needs at least one customer id' },
      ]);
    }
    if (input.role !== 'integration' && customerIds.length > 0) {
      throw RequestException.validation([
        {
          field: 'customerIds',
          message: `a ${input.role} key sees every customer; customerIds is only for integration keys`,
        },
      ]);
    }
    const known = new Set(await this.customers.findExistingIds(customerIds));
    const unknown = customerIds.flatMap((id, index) =>
      known.has(id) ? [] : [{ field: `customerIds[${index}]`, message: `no customer with id ${id}` }],
    );
    if (unknown.length > 0) throw RequestException.validation(unknown);

    const secret = generateApiKeySecret();
    const saved = await this.apiKeys.save(
      this.apiKeys.create({
        name: input.name,
        role: input.role,
        customerIds,
        keyPrefix: displayPrefix(secret),
        keyHash: hashApiKeySecret(secret),
        createdById: createdBy.keyId,
        revokedAt: null,
      }),
    );
    this.logger.log({ apiKeyId: saved.id, role: saved.role, createdBy: createdBy.keyId }, 'API key created');
    return { ...ApiKeyDto.from(saved), key: secret };
  }

  async list(limit: number, cursor?: string): Promise<Page<ApiKeyDto>> {
    return pageByCreation(this.apiKeys.createQueryBuilder('key'), { limit, cursor }, (row) =>
      ApiKeyDto.from(row),
    );
  }

  async get(id: string): Promise<ApiKeyDto> {
    return ApiKeyDto.from(await this.findOrThrow(this.apiKeys, id));
  }

  /** Revokes a key at once for every process; revoking a revoked key changes nothing. */
  async revoke(id: string, revokedBy: Principal): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ApiKeyEntity);
      const key = await this.findOrThrow(repository, id);
      if (key.revokedAt) return;
      if (key.role === 'admin') {
        // Lock every active admin key, so two concurrent revocations cannot remove the last two.
        const activeAdmins = await repository
          .createQueryBuilder('key')
          .select('key.id')
          .where('key.role = :role AND key.revokedAt IS NULL', { role: 'admin' })
          .setLock('pessimistic_write')
          .getMany();
        if (activeAdmins.length <= 1) {
          throw new ApiKeyException(
            ApiKeyExceptionCode.LastAdminKey,
            'Create another admin key before revoking this one, or nobody could administer CaseBridge.',
          );
        }
      }
      await repository.update({ id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
      // Delivered to every process (this one included) when the revocation commits.
      await manager.query('SELECT pg_notify($1, $2)', [REVOCATION_CHANNEL, id]);
    });
    this.forget(id);
    this.logger.log({ apiKeyId: id, revokedBy: revokedBy.keyId }, 'API key revoked');
  }

  /**
   * Makes sure an active admin key with this operator-chosen secret exists (BOOTSTRAP_ADMIN_KEY).
   * Idempotent and safe when several processes start together.
   */
  async ensureBootstrapAdmin(secret: string): Promise<void> {
    await this.apiKeys.query(
      `INSERT INTO api_keys (name, role, key_prefix, key_hash)
       VALUES ('bootstrap admin', 'admin', $1, $2)
       ON CONFLICT (key_hash) DO UPDATE SET revoked_at = NULL, role = 'admin', customer_ids = '{}'`,
      [displayPrefix(secret), hashApiKeySecret(secret)],
    );
  }

  private async findOrThrow(repository: Repository<ApiKeyEntity>, id: string): Promise<ApiKeyEntity> {
    const key = await repository.findOneBy({ id });
    if (!key) throw new ApiKeyException(ApiKeyExceptionCode.ApiKeyNotFound, `No API key with id ${id}.`);
    return key;
  }
}
