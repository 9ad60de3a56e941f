import { ConfigError, loadConfig } from './app-config.js';

const ISSUER = 'https://id.example/realms/staff';
const OIDC = { NAHBAR_OIDC_ISSUER: ISSUER, NAHBAR_OIDC_CLIENT_ID: 'nahbar-web' };

const load = (env: Record<string, string>) => loadConfig(env, '/srv/nahbar');

describe('loadConfig', () => {
  it('starts the demo by default: embedded database, demo identity, local bind, no sign-in', () => {
    const config = load({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: '/srv/nahbar/.data',
      demoMode: true,
      seedDemoData: true,
      production: false,
    });
    expect(config.oidc).toBeUndefined();
  });

  it('reads OpenID Connect with defaults: audience is the client id, organisation claim and scope', () => {
    const config = load(OIDC);
    expect(config.oidc).toEqual({
      issuer: ISSUER,
      audience: 'nahbar-web',
      clientId: 'nahbar-web',
      organisationClaim: 'organisation',
      scope: 'openid profile email offline_access',
    });
    expect(config.demoMode).toBe(false);
    expect(config.seedDemoData).toBe(false);
    expect(config.host).toBe('0.0.0.0');
  });

  it('takes audience, organisation claim and scope from the environment', () => {
    const config = load({
      ...OIDC,
      NAHBAR_OIDC_AUDIENCE: 'nahbar-api',
      NAHBAR_OIDC_ORGANISATION_CLAIM: 'behoerde',
      NAHBAR_OIDC_SCOPE: '  openid   profile ',
    });
    expect(config.oidc).toMatchObject({
      audience: 'nahbar-api',
      organisationClaim: 'behoerde',
      scope: 'openid profile',
    });
  });

  it('runs in production with an issuer and without the demo identity', () => {
    const config = load({ ...OIDC, NODE_ENV: 'production', DATABASE_URL: 'postgres://nahbar@db:5432/nahbar' });
    expect(config).toMatchObject({ production: true, demoMode: false, seedDemoData: false });
    expect(config.oidc?.issuer).toBe(ISSUER);
  });

  it.each([
    [{ NODE_ENV: 'production' }, /NODE_ENV=production needs NAHBAR_OIDC_ISSUER/],
    [{ NODE_ENV: 'production', NAHBAR_DEMO: 'true' }, /NAHBAR_DEMO=true is not allowed with NODE_ENV=production/],
    [{ ...OIDC, NODE_ENV: 'production', NAHBAR_DEMO: 'true' }, /NAHBAR_DEMO=true is not allowed/],
    [{ ...OIDC, NAHBAR_DEMO: 'true' }, /NAHBAR_DEMO=true is not allowed with NAHBAR_OIDC_ISSUER/],
    [{ NAHBAR_DEMO: 'false' }, /NAHBAR_DEMO=false needs NAHBAR_OIDC_ISSUER/],
    [{ NAHBAR_OIDC_ISSUER: ISSUER }, /NAHBAR_OIDC_CLIENT_ID is required/],
    [{ ...OIDC, NAHBAR_OIDC_CLIENT_ID: '  ' }, /NAHBAR_OIDC_CLIENT_ID is required/],
    [{ ...OIDC, NAHBAR_OIDC_ISSUER: 'id.example/realms/staff' }, /NAHBAR_OIDC_ISSUER is not a URL/],
    [{ ...OIDC, NAHBAR_OIDC_ISSUER: 'ftp://id.example' }, /NAHBAR_OIDC_ISSUER must start with https/],
    [{ ...OIDC, NAHBAR_OIDC_ISSUER: `${ISSUER}?x=1` }, /must not carry a query/],
    [{ ...OIDC, NAHBAR_OIDC_SCOPE: 'profile email' }, /NAHBAR_OIDC_SCOPE must include "openid"/],
    [{ NAHBAR_OIDC_CLIENT_ID: 'nahbar-web' }, /NAHBAR_OIDC_CLIENT_ID is set but NAHBAR_OIDC_ISSUER is not/],
    [{ NAHBAR_DEMO: 'yes' }, /NAHBAR_DEMO must be "true" or "false"/],
    [{ PORT: '70000' }, /PORT must be a whole number/],
    [{ DATABASE_URL: 'mysql://db/nahbar' }, /DATABASE_URL must start with postgres/],
  ])('refuses %j', (env, message) => {
    expect(() => load(env)).toThrow(ConfigError);
    expect(() => load(env)).toThrow(message);
  });

  it('never lets the demo identity and sign-in be on together', () => {
    const combinations: Record<string, string>[] = [
      {},
      { NODE_ENV: 'production' },
      { NAHBAR_DEMO: 'true' },
      { NAHBAR_DEMO: 'false' },
      { NODE_ENV: 'production', NAHBAR_DEMO: 'false' },
    ];
    for (const base of combinations) {
      for (const oidc of [{}, OIDC] as Record<string, string>[]) {
        let config;
        try {
          config = load({ ...base, ...oidc });
        } catch (error) {
          expect(error).toBeInstanceOf(ConfigError);
          continue;
        }
        // Exactly one way to establish who is asking, and the demo never in production.
        expect(config.demoMode).toBe(config.oidc === undefined);
        if (config.production) expect(config.demoMode).toBe(false);
      }
    }
  });

  it('reads the public URL (default: none, the bound port decides) and the no-show interval (default 60, 0 is off)', () => {
    expect(load({ PORT: '4000' })).toMatchObject({ publicUrl: undefined, noShowIntervalSeconds: 60 });
    expect(
      load({ NAHBAR_PUBLIC_URL: 'https://nahbar.example.de/', NAHBAR_NO_SHOW_INTERVAL_SECONDS: '0' }),
    ).toMatchObject({ publicUrl: 'https://nahbar.example.de', noShowIntervalSeconds: 0 });
    expect(() => load({ NAHBAR_PUBLIC_URL: 'nahbar.example.de' })).toThrow(ConfigError);
    expect(() => load({ NAHBAR_PUBLIC_URL: 'ftp://nahbar.example.de' })).toThrow(ConfigError);
    expect(() => load({ NAHBAR_NO_SHOW_INTERVAL_SECONDS: '-1' })).toThrow(ConfigError);
    expect(() => load({ NAHBAR_NO_SHOW_INTERVAL_SECONDS: 'often' })).toThrow(ConfigError);
  });

  it('reads the retention periods (90 and 365 days by default) and the retention job interval (0 is off)', () => {
    expect(load({})).toMatchObject({ retentionDays: 90, auditRetentionDays: 365, retentionIntervalSeconds: 3600 });
    expect(
      load({
        NAHBAR_RETENTION_DAYS: '30',
        NAHBAR_AUDIT_RETENTION_DAYS: '730',
        NAHBAR_RETENTION_INTERVAL_SECONDS: '0',
      }),
    ).toMatchObject({ retentionDays: 30, auditRetentionDays: 730, retentionIntervalSeconds: 0 });
    for (const bad of ['0', '-5', '90d', '3651', ' ']) {
      expect(() => load({ NAHBAR_RETENTION_DAYS: bad })).toThrow(/NAHBAR_RETENTION_DAYS/);
      expect(() => load({ NAHBAR_AUDIT_RETENTION_DAYS: bad })).toThrow(/NAHBAR_AUDIT_RETENTION_DAYS/);
    }
    expect(() => load({ NAHBAR_RETENTION_INTERVAL_SECONDS: 'hourly' })).toThrow(/NAHBAR_RETENTION_INTERVAL_SECONDS/);
  });

  it('reads the accessibility feedback contact: an e-mail address, none by default', () => {
    expect(load({}).accessibilityContact).toBeUndefined();
    expect(load({ NAHBAR_ACCESSIBILITY_CONTACT: '  barrierefreiheit@ldbv.example ' }).accessibilityContact).toBe(
      'barrierefreiheit@ldbv.example',
    );
    for (const bad of ['barrierefreiheit', 'a@b', 'Team <a@b.example>', 'a b@c.example', 'mailto:a@b.example']) {
      expect(() => load({ NAHBAR_ACCESSIBILITY_CONTACT: bad })).toThrow(
        /NAHBAR_ACCESSIBILITY_CONTACT must be an e-mail/,
      );
    }
  });
});
