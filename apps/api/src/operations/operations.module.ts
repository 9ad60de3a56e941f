import { Global, Module } from '@nestjs/common';

import { HealthController } from './health.controller.js';
import { MetricsController } from './metrics.controller.js';
import { Metrics } from './metrics.js';

/** Health checks and Prometheus metrics (issue 9). Global: the GraphQL and WebSocket set-up count into Metrics. */
@Global()
@Module({ providers: [Metrics], controllers: [HealthController, MetricsController], exports: [Metrics] })
export class OperationsModule {}
