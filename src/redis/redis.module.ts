import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Environment } from '../config/environment.js';
import { redisOptionsFromUrl } from './redis-options.js';

/**
 * A general-purpose Redis connection (readiness pings, later caches and pub/sub). It fails fast
 * while Redis is down instead of queueing commands, so callers never hang on it.
 */
@Injectable()
export class RedisClient extends Redis implements OnApplicationShutdown {
  constructor(@Inject(Environment) environment: Environment) {
    super({
      ...redisOptionsFromUrl(environment.REDIS_URL),
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
    // Connection errors are reported by readiness; without a listener ioredis would log each retry.
    this.on('error', () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.quit().catch(() => this.disconnect());
  }
}

@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisModule {}
