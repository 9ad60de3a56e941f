import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';

import { PUB_SUB } from '../realtime/pub-sub.token.js';
import type { DeskImportProgress } from './models/desk-import-progress.model.js';

/** Keyed by the person too: only the one who runs an import hears its progress, whoever guesses its id. */
const trigger = (personId: string, importId: string): string => `desk-import:${personId}:${importId}`;

/**
 * Progress of imports, through the one PubSub (so a client whose WebSocket reaches another API instance hears it too).
 * Progress is information, not state: a lost event costs a moment of a stale progress bar, never data.
 */
@Injectable()
export class DeskImportProgressEvents {
  private readonly logger = new Logger('DeskImportProgressEvents');

  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  async publish(personId: string, progress: DeskImportProgress): Promise<void> {
    try {
      await this.pubSub.publish(trigger(personId, progress.importId), progress);
    } catch (error) {
      this.logger.warn(`Could not publish import progress: ${(error as Error).message}`);
    }
  }

  listen(personId: string, importId: string): AsyncIterableIterator<DeskImportProgress> {
    return this.pubSub.asyncIterableIterator<DeskImportProgress>(trigger(personId, importId));
  }
}
