import { signal } from '@angular/core';

import type { AvailabilityQuery, DeskPositions } from '../app/booking/data-access/availability.api';
import type { Area, DeskAvailability, Office, OfficeDay } from '../app/core/graphql/api.types';
import type { LiveConnectionState, LiveSink } from '../app/core/graphql/graphql-live.client';

interface PendingRead {
  readonly query: AvailabilityQuery;
  resolve(desks: DeskAvailability[]): void;
  reject(error: unknown): void;
}

interface PendingDayRead {
  readonly query: AvailabilityQuery;
  resolve(day: OfficeDay): void;
  reject(error: unknown): void;
}

interface Follow {
  readonly query: AvailabilityQuery;
  readonly sink: LiveSink<DeskAvailability>;
  stopped: boolean;
}

/** Stands in for the API: every read waits until the test answers it. */
export class FakeAvailabilityApi {
  readonly liveState = signal<LiveConnectionState>('idle');
  readonly liveConnection = this.liveState.asReadonly();
  officeList: Office[] = [];
  areasByOffice: Record<string, Area[]> = {};
  equipment: string[] = ['MONITOR', 'DOCKING_STATION', 'HEIGHT_ADJUSTABLE'];
  readonly reads: PendingRead[] = [];
  /** Reads of `officeDay`, answered by the test like `reads`. */
  readonly dayReads: PendingDayRead[] = [];
  readonly follows: Follow[] = [];
  readonly connectedListeners = new Set<() => void>();

  async offices(): Promise<Office[]> {
    return this.officeList;
  }

  async officeAreas(officeId: string): Promise<Area[]> {
    return this.areasByOffice[officeId] ?? [];
  }

  /** Floor plans by office; an office missing here answers like an API without the floor-plan contract. */
  floorPlansByOffice: Record<string, Area[]> = {};
  positions: DeskPositions = {};

  async floorPlans(officeId: string): Promise<Area[]> {
    const plans = this.floorPlansByOffice[officeId];
    if (plans === undefined) {
      throw new Error('Cannot query field "floorPlanSvg" on type "Area".');
    }
    return plans;
  }

  async deskPositions(): Promise<DeskPositions> {
    return this.positions;
  }

  async deskEquipmentOptions(): Promise<string[]> {
    return this.equipment;
  }

  deskAvailability(query: AvailabilityQuery): Promise<DeskAvailability[]> {
    return new Promise((resolve, reject) => this.reads.push({ query, resolve, reject }));
  }

  officeDay(query: AvailabilityQuery): Promise<OfficeDay> {
    return new Promise((resolve, reject) => this.dayReads.push({ query, resolve, reject }));
  }

  lastDayRead(): PendingDayRead {
    const read = this.dayReads.at(-1);
    if (read === undefined) {
      throw new Error('no office day was read');
    }
    return read;
  }

  followChanges(query: AvailabilityQuery, sink: LiveSink<DeskAvailability>): () => void {
    const follow: Follow = { query, sink, stopped: false };
    this.follows.push(follow);
    return () => (follow.stopped = true);
  }

  onLiveConnected(listener: () => void): () => void {
    this.connectedListeners.add(listener);
    return () => this.connectedListeners.delete(listener);
  }

  reconnect(): void {
    for (const listener of this.connectedListeners) {
      listener();
    }
  }

  lastRead(): PendingRead {
    const read = this.reads.at(-1);
    if (read === undefined) {
      throw new Error('no read was made');
    }
    return read;
  }

  lastFollow(): Follow {
    const follow = this.follows.at(-1);
    if (follow === undefined) {
      throw new Error('nothing is followed');
    }
    return follow;
  }
}
