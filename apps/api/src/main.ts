import { resolve } from 'node:path';

import { Logger } from '@nestjs/common';

import { startApi } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/app-config.js';

const logger = new Logger('nahbar');

async function main(): Promise<void> {
  // The build puts the web client beside the API: dist/apps/api/main.js and dist/apps/web/browser/.
  const config = loadConfig(process.env, process.cwd(), resolve(import.meta.dirname, '../web/browser'));
  const api = await startApi(config);
  logger.log(
    `nahbar is running: http://localhost:${api.port}${api.servesWebClient ? '' : ' (API only: no built web client found)'}`,
  );
  if (config.demoMode) logger.log('Demo mode: people are chosen on the start page, there is no sign-in.');
  if (config.oidc) logger.log(`Sign-in through OpenID Connect: ${config.oidc.issuer}`);

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received, shutting down`);
    api.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    logger.error(`Configuration error: ${error.message}`);
  } else {
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exit(1);
});
