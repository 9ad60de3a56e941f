import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  type ElementRef,
  inject,
  InjectionToken,
  input,
  viewChild,
} from '@angular/core';
import type { Chart, ChartConfiguration } from 'chart.js';

/** One series of bars: its name in the legend, a value (percent, 0..100) per label, null where there is none. */
export interface ChartSeries {
  readonly name: string;
  readonly values: readonly (number | null)[];
  readonly colour: string;
}

/** Chart.js with the bar chart's parts registered (chart-library.ts). */
interface ChartLibrary {
  readonly Chart: typeof Chart;
}

/**
 * Loads Chart.js when a chart is first drawn: a dynamic import, so the library sits in this page's lazy chunk and
 * never in the initial bundle. Replaced in unit tests (jsdom has no canvas).
 */
export const CHART_LIBRARY = new InjectionToken<() => Promise<ChartLibrary>>('Chart.js, loaded on demand', {
  factory: () => () => import('./chart-library'),
});

/**
 * A bar chart of percentages (Chart.js on a canvas). The canvas is an image with a name saying what it shows; the
 * same figures stand in the table next to it, which is what screen readers and keyboards use (WCAG 1.1.1), so the
 * chart itself takes no focus.
 */
@Component({
  selector: 'nb-utilisation-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="chart-box">
      <canvas #canvas role="img" [attr.aria-label]="label()" data-testid="utilisation-chart">{{ label() }}</canvas>
    </div>
  `,
  styles: `
    .chart-box {
      position: relative;
      height: 18rem;
      max-width: 48rem;
    }
  `,
})
export class UtilisationChart {
  /** What the chart shows, for its accessible name, e.g. "Diagramm: Auslastung nach Wochentag (Zahlen in der Tabelle)". */
  readonly label = input.required<string>();
  readonly labels = input.required<readonly string[]>();
  readonly series = input.required<readonly ChartSeries[]>();

  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private readonly library = inject(CHART_LIBRARY);
  private chart: Chart<'bar', (number | null)[], string> | undefined;
  private destroyed = false;

  constructor() {
    effect(() => {
      const labels = [...this.labels()];
      const series = this.series();
      void this.draw(this.canvas().nativeElement, labels, series);
    });
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.chart?.destroy();
    });
  }

  private async draw(canvas: HTMLCanvasElement, labels: string[], series: readonly ChartSeries[]): Promise<void> {
    const library = await this.library();
    if (this.destroyed) return;
    const datasets = series.map((each) => ({
      label: each.name,
      data: [...each.values],
      backgroundColor: each.colour,
      borderColor: '#1b1f24',
      borderWidth: 1,
    }));
    if (this.chart) {
      this.chart.data.labels = labels;
      this.chart.data.datasets = datasets;
      this.chart.update();
      return;
    }
    const config: ChartConfiguration<'bar', (number | null)[], string> = {
      type: 'bar',
      data: { labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        // No motion: figures appear at once (WCAG 2.3.3, and people who asked their system for less motion).
        animation: false,
        scales: {
          y: { min: 0, max: 100, ticks: { callback: (value) => `${value} %`, color: '#1b1f24' } },
          x: { ticks: { color: '#1b1f24' } },
        },
        plugins: { legend: { position: 'bottom', labels: { color: '#1b1f24' } } },
      },
    };
    this.chart = new library.Chart(canvas, config);
  }
}
