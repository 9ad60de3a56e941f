import { Logger } from '@nestjs/common';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import pg from 'pg';

const CHANNEL = 'nahbar_events';
/** Names the listening connection in pg_stat_activity, so an operator (or a test) can find it. */
export const LISTENER_APPLICATION_NAME = 'nahbar-events';
const RECONNECT_DELAY_MS = 1000;

interface Envelope {
  readonly trigger: string;
  readonly payload: unknown;
}

/**
 * Events between API processes through PostgreSQL LISTEN/NOTIFY (DESIGN.md §4). `publish` only notifies; every
 * process, this one included, delivers to its local subscribers when the notification comes back, so all
 * instances see the same events in the same order. Payloads are small (ids): subscribers re-read.
 *
 * Callers publish after their transaction has committed; `notify` runs on a pool connection of its own, outside any
 * transaction, so the notification goes out at once. The listening connection is re-opened, every second until it
 * works, when it fails or its backend is terminated (a failover, `pg_terminate_backend`, a restarted server).
 */
export class PostgresPubSub extends PubSubEngine {
  private readonly logger = new Logger('PostgresPubSub');
  private readonly local = new PubSub();
  private listener: pg.Client | undefined;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly reconnectedListeners: (() => void)[] = [];

  constructor(
    private readonly connectionString: string,
    private readonly notify: (sql: string, parameters: unknown[]) => Promise<unknown>,
  ) {
    super();
  }

  async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: LISTENER_APPLICATION_NAME,
      // A connection that silently vanished (a dead peer, a NAT or firewall timeout) is noticed by TCP keepalive.
      keepAlive: true,
      keepAliveInitialDelayMillis: 30_000,
    });
    client.on('notification', (message) => this.deliver(message.payload));
    client.on('error', (error) => {
      this.logger.warn(`LISTEN connection failed: ${error.message}`);
      this.reconnectLater(client);
    });
    client.on('end', () => this.reconnectLater(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await discard(client);
      throw error;
    }
    if (this.closed) {
      // Closed while connecting: do not leave a connection open that keeps the process alive.
      await discard(client);
      return;
    }
    this.listener = client;
  }

  /**
   * Called after the listening connection came back: notifications sent meanwhile are lost for this process, so its
   * subscribers must re-read (RealtimeModule sends its WebSocket clients away to reconnect).
   */
  onReconnected(listener: () => void): void {
    this.reconnectedListeners.push(listener);
  }

  /** Whether the LISTEN connection is up: while it is not, this process misses the other instances' events. */
  get listening(): boolean {
    return !this.closed && this.listener !== undefined;
  }

  async publish(trigger: string, payload: unknown): Promise<void> {
    const envelope: Envelope = { trigger, payload };
    await this.notify('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(envelope)]);
  }

  subscribe(trigger: string, onMessage: (payload: unknown) => void): Promise<number> {
    return this.local.subscribe(trigger, onMessage);
  }

  unsubscribe(subscriptionId: number): void {
    this.local.unsubscribe(subscriptionId);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const listener = this.listener;
    this.listener = undefined;
    if (listener) await discard(listener);
  }

  private deliver(raw: string | undefined): void {
    if (raw === undefined) return;
    try {
      const envelope = JSON.parse(raw) as Envelope;
      void this.local.publish(envelope.trigger, envelope.payload);
    } catch (error) {
      this.logger.warn(`Ignored a malformed notification: ${(error as Error).message}`);
    }
  }

  /** Drops the broken connection (once, whether it reported an error, an end or both) and tries again later. */
  private reconnectLater(client: pg.Client): void {
    if (this.closed || this.listener !== client) return;
    this.listener = undefined;
    void discard(client);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.reconnectTimer = setTimeout(() => {
      if (this.closed) return;
      this.connect().then(
        () => {
          if (this.closed) return;
          this.logger.log('LISTEN connection restored');
          for (const listener of this.reconnectedListeners) listener();
        },
        (error: Error) => {
          this.logger.warn(`LISTEN reconnect failed, trying again: ${error.message}`);
          this.scheduleReconnect();
        },
      );
    }, RECONNECT_DELAY_MS);
  }
}

/** Ends a client we no longer listen on; a late error of it must not crash the process. */
async function discard(client: pg.Client): Promise<void> {
  client.removeAllListeners();
  client.on('error', () => undefined);
  await client.end().catch(() => undefined);
}
