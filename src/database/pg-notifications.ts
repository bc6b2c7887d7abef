import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { Environment } from '../config/environment.js';

type NotificationHandler = (payload: string) => void;

const RECONNECT_DELAY_MS = 1000;

/**
 * One dedicated PostgreSQL connection per process that LISTENs for notifications (cache
 * invalidations, outbox wake-ups). While it is down, `listening` is false and subscribers must not
 * rely on notifications; each (re)connection calls the reset handlers, since notifications sent
 * meanwhile are lost.
 */
@Injectable()
export class PgNotifications implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PgNotifications.name);
  private readonly handlers = new Map<string, Set<NotificationHandler>>();
  private readonly resetHandlers = new Set<() => void>();
  private client: pg.Client | null = null;
  private stopped = false;
  private reconnectTimer?: NodeJS.Timeout;
  listening = false;

  constructor(
    @Inject(Environment) private readonly environment: Environment,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Calls `handler` with each notification on `channel` (a lower-case identifier). */
  subscribe(channel: string, handler: NotificationHandler): void {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
    const existing = this.handlers.get(channel);
    if (existing) {
      existing.add(handler);
      return;
    }
    this.handlers.set(channel, new Set([handler]));
    if (this.client && this.listening) {
      this.client.query(`LISTEN ${channel}`).catch((error: unknown) => this.connectionLost(error));
    }
  }

  /** Calls `handler` whenever notifications may have been missed (on every (re)connection). */
  onReset(handler: () => void): void {
    this.resetHandlers.add(handler);
  }

  /** Sends a notification through the application's pool (delivered when its transaction commits). */
  async notify(channel: string, payload: string): Promise<void> {
    await this.dataSource.query('SELECT pg_notify($1, $2)', [channel, payload]);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.listening = false;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.environment.DATABASE_URL,
      application_name: `casebridge-${this.environment.ROLE}-listener`,
      connectionTimeoutMillis: 5000,
      keepAlive: true,
    });
    client.on('notification', (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    client.on('error', (error) => this.connectionLost(error));
    client.on('end', () => this.connectionLost(new Error('connection ended')));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
      this.client = client;
      this.listening = true;
      for (const handler of this.resetHandlers) handler();
    } catch (error) {
      await client.end().catch(() => undefined);
      this.connectionLost(error);
    }
  }

  private connectionLost(error: unknown): void {
    if (this.stopped) return;
    if (this.listening) {
      this.logger.warn({ err: error }, 'notification connection lost; reconnecting');
    }
    this.listening = false;
    const client = this.client;
    this.client = null;
    client?.removeAllListeners();
    void client?.end().catch(() => undefined);
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.connect(), RECONNECT_DELAY_MS);
  }
}
