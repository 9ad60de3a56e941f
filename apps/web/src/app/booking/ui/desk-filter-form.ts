import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

import type { Area } from '../../core/graphql/api.types';
import { equipmentLabel } from '../../shared/labels/equipment.labels';
import type { DeskFilterSelection } from '../desk-filter';

let nextFilterFormId = 0;

/** Equipment, accessibility and area of the desks to show. Every change is passed on at once. */
@Component({
  selector: 'nb-desk-filter-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './desk-filter-form.html',
  styleUrl: './desk-filter-form.css',
})
export class DeskFilterForm {
  readonly equipmentOptions = input.required<readonly string[]>();
  readonly areas = input.required<readonly Area[]>();
  readonly filter = input.required<DeskFilterSelection>();
  readonly filterChange = output<DeskFilterSelection>();

  protected readonly id = `nb-filter-${nextFilterFormId++}`;
  protected readonly options = computed(() =>
    this.equipmentOptions().map((value) => ({ value, label: equipmentLabel(value) })),
  );

  protected toggleEquipment(value: string, checked: boolean): void {
    const current = this.filter().equipment.filter((item) => item !== value);
    this.filterChange.emit({ ...this.filter(), equipment: checked ? [...current, value].sort() : current });
  }

  protected chooseAccessible(checked: boolean): void {
    this.filterChange.emit({ ...this.filter(), accessibleOnly: checked });
  }

  protected chooseArea(areaId: string): void {
    this.filterChange.emit({ ...this.filter(), areaId: areaId === '' ? null : areaId });
  }
}
