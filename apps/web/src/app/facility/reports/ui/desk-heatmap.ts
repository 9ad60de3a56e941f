import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { svgDataUrl } from '../../../shared/images/svg-data-url';
import { deskDaysText, HEAT_LEGEND, type HeatArea, percentText } from '../utilisation.labels';

/**
 * The use of an area's desks over a range: on its floor plan, each desk a marker whose colour steps with its
 * utilisation and which says the figure as text (never colour alone), and the same figures in a table.
 */
@Component({
  selector: 'nb-desk-heatmap',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './desk-heatmap.html',
  styleUrl: './desk-heatmap.css',
})
export class DeskHeatmap {
  readonly heat = input.required<HeatArea>();
  /** The range in words, for the table's caption. */
  readonly period = input.required<string>();

  protected readonly legend = HEAT_LEGEND;
  protected readonly percentText = percentText;
  protected readonly deskDaysText = deskDaysText;
  protected readonly planUrl = computed(() => svgDataUrl(this.heat().area.floorPlanSvg ?? ''));
  protected readonly markersLabel = computed(() => $localize`Plätze im Grundriss ${this.heat().area.areaName}:area:`);
  protected readonly planAlt = computed(() => $localize`${this.heat().area.areaName}:area: – Grundriss`);
}
