import { isAbsolute, resolve } from 'node:path';

/** Configuration of one API process, read once from the environment and validated at boot. */
export interface AppConfig {
  /** HTTP port for API and web client; 0 picks a free port (tests). */
  readonly port: number;
  /** Bind address: 127.0.0.1 in demo mode, else all interfaces, unless HOST says otherwise. */
  readonly host: string;
  /** PostgreSQL server URL; when absent the embedded PGlite in `dataDir` is used. */
  readonly databaseUrl: string | undefined;
  /** Folder of the embedded database. */
  readonly dataDir: string;
  /** Demo identity (a person picked on the start page, sent in a header). Never in production. */
  readonly demoMode: boolean;
  /** Seeds demo data into an empty embedded database on first start. */
  readonly seedDemoData: boolean;
  /** Folder with the built web client to serve, or undefined to serve the API only. */
  readonly webDir: string | undefined;
  readonly production: boolean;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be "true" or "false", got "${raw}".`);
}

function readPort(env: Env): number {
  const raw = env['PORT'];
  if (raw === undefined || raw === '') return 3000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${raw}".`);
  }
  return port;
}

function readDatabaseUrl(env: Env): string | undefined {
  const raw = env['DATABASE_URL'];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL is not a URL; expected postgres://user@host:5432/database.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//".`);
  }
  return raw;
}

export function loadConfig(
  env: Env = process.env,
  cwd: string = process.cwd(),
  defaultWebDir: string | undefined = undefined,
): AppConfig {
  const production = env['NODE_ENV'] === 'production';
  const demoMode = readBoolean(env, 'NAHBAR_DEMO', !production);
  if (production && demoMode) {
    throw new ConfigError(
      'NAHBAR_DEMO=true is not allowed with NODE_ENV=production: the demo identity has no sign-in.',
    );
  }
  const databaseUrl = readDatabaseUrl(env);
  const dataDirRaw = env['NAHBAR_DATA_DIR'] || '.data';
  const webDirRaw = env['NAHBAR_WEB_DIR'];
  return {
    port: readPort(env),
    // The demo identity lets anyone act as anyone: by default it listens on this machine only.
    host: env['HOST'] || (demoMode ? '127.0.0.1' : '0.0.0.0'),
    databaseUrl,
    dataDir: isAbsolute(dataDirRaw) ? dataDirRaw : resolve(cwd, dataDirRaw),
    demoMode,
    seedDemoData: readBoolean(env, 'NAHBAR_SEED_DEMO', databaseUrl === undefined && demoMode),
    webDir: webDirRaw ? resolve(cwd, webDirRaw) : defaultWebDir,
    production,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
