import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** The open graphql-ws connections and their running subscriptions, counted at scrape time. */
export interface LiveCounts {
  connections(): number;
  subscriptions(): number;
}

/** Root fields whose outcome is a booking outcome (booked, refused with its code, cancelled, checked in). */
export const BOOKING_OPERATIONS: ReadonlySet<string> = new Set([
  'bookDesk',
  'bookRecurring',
  'bookNextTo',
  'cancelBooking',
  'checkIn',
  'joinWaitlist',
]);

/**
 * The process's Prometheus metrics (prom-client), in a registry of its own per API instance (tests start several in
 * one process). Labels carry codes and names of operations, never a person, an id or a token.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: 'nahbar_http_requests_total',
    help: 'HTTP requests by method, route group and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'nahbar_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by route group.',
    labelNames: ['route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly graphqlOperations = new Counter({
    name: 'nahbar_graphql_operations_total',
    help: 'GraphQL operations (HTTP) by type and outcome: ok, or the stable code of the first error.',
    labelNames: ['type', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'nahbar_graphql_errors_total',
    help: 'GraphQL errors by stable code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly bookingOutcomes = new Counter({
    name: 'nahbar_booking_outcomes_total',
    help: 'Booking operations by operation and outcome: ok, or the refusal code (e.g. DESK_TAKEN).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  private live: LiveCounts | undefined;

  readonly webSockets: Gauge = new Gauge({
    name: 'nahbar_websocket_connections',
    help: 'Open graphql-ws connections.',
    registers: [this.registry],
    collect: (): void => this.webSockets.set(this.live?.connections() ?? 0),
  });

  readonly subscriptions: Gauge = new Gauge({
    name: 'nahbar_subscriptions_active',
    help: 'Subscriptions running over graphql-ws.',
    registers: [this.registry],
    collect: (): void => this.subscriptions.set(this.live?.subscriptions() ?? 0),
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'nahbar_' });
  }

  /** Where the WebSocket gauges read their values at each scrape. */
  observeLive(live: LiveCounts): void {
    this.live = live;
  }
}
