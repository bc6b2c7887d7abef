import { EnvironmentError, validateEnvironment } from './environment.js';

describe('validateEnvironment', () => {
  it('applies the defaults of API.md when nothing is set', () => {
    const environment = validateEnvironment({});
    expect(environment).toMatchObject({
      PORT: 3000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/casebridge',
      REDIS_URL: 'redis://127.0.0.1:6379',
      ROLE: 'all',
      MIGRATIONS_RUN: true,
      VIANET_MODE: 'simulator',
    });
    expect(environment.BOOTSTRAP_ADMIN_KEY).toBeUndefined();
  });

  it('converts numbers and booleans and treats empty strings as unset', () => {
    const environment = validateEnvironment({
      PORT: '8080',
      MIGRATIONS_RUN: 'false',
      ROLE: '',
      LOG_LEVEL: 'debug',
    });
    expect(environment).toMatchObject({ PORT: 8080, MIGRATIONS_RUN: false, ROLE: 'all', LOG_LEVEL: 'debug' });
  });

  it('names every broken variable and its rule, never its value', () => {
    const secretValue = 'too-short-secret';
    let error: unknown;
    try {
      validateEnvironment({
        PORT: '99999',
        ROLE: 'scheduler',
        MIGRATIONS_RUN: 'perhaps',
        DATABASE_URL: 'mysql://root@localhost/db',
        BOOTSTRAP_ADMIN_KEY: secretValue,
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    const { problems, message } = error as EnvironmentError;
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT must be between 0 and 65535',
        'ROLE must be one of all, api, worker',
        'MIGRATIONS_RUN must be true or false',
        'DATABASE_URL must be a postgres:// URL',
        'BOOTSTRAP_ADMIN_KEY must be at least 24 characters long',
      ]),
    );
    for (const value of [secretValue, '99999', 'scheduler', 'perhaps', 'mysql://']) {
      expect(message).not.toContain(value);
    }
  });

  it('needs the upstream endpoints and credentials in http mode', () => {
    expect(() =>
      validateEnvironment({ VIANET_MODE: 'http', VIANET_API_URL: 'https://partner.example.cn' }),
    ).toThrow(/VIANET_TOKEN_URL is required when VIANET_MODE is http/);
    expect(
      validateEnvironment({
        VIANET_MODE: 'http',
        VIANET_API_URL: 'https://partner.partnercenterapi.microsoftonline.cn',
        VIANET_TOKEN_URL: 'https://login.chinacloudapi.cn/tenant/oauth2/token',
        VIANET_CLIENT_ID: 'client',
        VIANET_CLIENT_SECRET: 'secret',
      }).VIANET_MODE,
    ).toBe('http');
  });

  it('ignores variables it does not know', () => {
    expect(() => validateEnvironment({ PATH: '/usr/bin', HOME: '/root' })).not.toThrow();
  });
});
