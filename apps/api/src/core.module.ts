import { type DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { PublicUrl } from './config/public-url.js';

/**
 * Configuration and the connected DataSource, for every module. Both exist before Nest starts; the public URL's
 * default is completed by the bootstrap once the server listens.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DataSource, useValue: dataSource },
        { provide: PublicUrl, useValue: new PublicUrl(config.publicUrl) },
      ],
      exports: [APP_CONFIG, DataSource, PublicUrl],
    };
  }
}
