import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

/**
 * The parts of Chart.js the utilisation page draws with, registered once. Imported named (not the whole package), so
 * the bundler drops the other chart types, scales and plugins; loaded only by a dynamic import (CHART_LIBRARY).
 */
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export { Chart };
