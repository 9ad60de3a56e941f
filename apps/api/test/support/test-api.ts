import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { LogLevel } from '@nestjs/common';
import pg from 'pg';

import { type RunningApi, startApi } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config/app-config.js';
import { CallerCache } from '../../src/identity/caller-cache.js';

export type DatabaseKind = 'pglite' | 'postgres';

/** Both databases every integration suite runs against. */
export const DATABASE_KINDS: readonly DatabaseKind[] = ['pglite', 'postgres'];

/** Server the tests create their own databases on (CI and these machines: trust auth on 127.0.0.1). */
export const ADMIN_URL = process.env['NAHBAR_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestApi {
  readonly api: RunningApi;
  readonly kind: DatabaseKind;
  /** Runs SQL directly against the test database (fixtures and checks, never the code under test). */
  sql<Row>(text: string, parameters?: unknown[]): Promise<Row[]>;
  stop(): Promise<void>;
}

/**
 * Boots the real API (HTTP + WebSocket on a free port) on a fresh, migrated, demo-seeded database: a new PGlite
 * folder, or a new database on the PostgreSQL server that is dropped afterwards. `overrides` change the
 * environment, e.g. OpenID Connect settings with `NAHBAR_DEMO: 'false'`.
 */
export async function startTestApi(
  kind: DatabaseKind,
  overrides: Record<string, string> = {},
  logLevels: LogLevel[] = ['error'],
): Promise<TestApi> {
  let cleanup: () => Promise<void>;
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    NAHBAR_DEMO: 'true',
    NAHBAR_SEED_DEMO: 'true',
    NAHBAR_NO_SHOW_INTERVAL_SECONDS: '0',
    NAHBAR_RETENTION_INTERVAL_SECONDS: '0',
    ...overrides,
  };
  if (kind === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'nahbar-test-'));
    env['NAHBAR_DATA_DIR'] = dataDir;
    cleanup = () => rm(dataDir, { recursive: true, force: true });
  } else {
    const name = `nahbar_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    env['DATABASE_URL'] = url.toString();
    cleanup = () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  let api: RunningApi;
  try {
    api = await startApi(loadConfig(env), logLevels);
  } catch (error) {
    await cleanup();
    throw error;
  }
  return {
    api,
    kind,
    async sql<Row>(text: string, parameters: unknown[] = []): Promise<Row[]> {
      const rows = (await api.database.dataSource.query(text, parameters)) as Row[];
      // Fixtures change people, roles and teams straight in SQL, past the services that tell the caller cache (as an
      // operator's manual change would): forget every cached caller, so the next request reads them anew.
      if (!/^\s*select\b/i.test(text)) api.app.get(CallerCache).clear();
      return rows;
    },
    async stop() {
      await api.close();
      await cleanup();
    },
  };
}

/** Runs one statement on the test server's admin database (CREATE or DROP DATABASE). */
export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
