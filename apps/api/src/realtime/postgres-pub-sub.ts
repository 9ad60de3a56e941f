import { Logger } from '@nestjs/common';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import pg from 'pg';

const CHANNEL = 'nahbar_events';
const RECONNECT_DELAY_MS = 1000;

interface Envelope {
  readonly trigger: string;
  readonly payload: unknown;
}

/**
 * Events between API processes through PostgreSQL LISTEN/NOTIFY (DESIGN.md §4). `publish` only notifies; every
 * process, this one included, delivers to its local subscribers when the notification comes back, so all
 * instances see the same events in the same order. Payloads are small (ids): subscribers re-read.
 */
export class PostgresPubSub extends PubSubEngine {
  private readonly logger = new Logger('PostgresPubSub');
  private readonly local = new PubSub();
  private listener: pg.Client | undefined;
  private closed = false;

  constructor(
    private readonly connectionString: string,
    private readonly notify: (sql: string, parameters: unknown[]) => Promise<unknown>,
  ) {
    super();
  }

  async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => this.deliver(message.payload));
    client.on('error', (error) => {
      this.logger.warn(`LISTEN connection failed: ${error.message}`);
      this.reconnectLater(client);
    });
    client.on('end', () => this.reconnectLater(client));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
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
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
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

  private reconnectLater(client: pg.Client): void {
    if (this.closed || this.listener !== client) return;
    this.listener = undefined;
    client.removeAllListeners();
    void client.end().catch(() => undefined);
    setTimeout(() => {
      if (this.closed) return;
      this.connect().catch((error: Error) => {
        this.logger.warn(`LISTEN reconnect failed: ${error.message}`);
        this.listener = client;
        this.reconnectLater(client);
      });
    }, RECONNECT_DELAY_MS);
  }
}
