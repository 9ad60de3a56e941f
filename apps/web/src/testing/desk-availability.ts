import type { DeskAvailability } from '../app/core/graphql/api.types';

/** A free desk of the area "Erdgeschoss" as the API returns it; tests override what they need. */
export function aDesk(code: string, partial: Partial<DeskAvailability> = {}): DeskAvailability {
  return {
    deskId: `id-${code}`,
    code,
    areaName: 'Erdgeschoss',
    areaId: 'area-eg',
    morningFree: true,
    afternoonFree: true,
    free: true,
    blocked: false,
    blockedReason: null,
    myBookingId: null,
    accessible: false,
    equipment: [],
    ...partial,
  };
}
