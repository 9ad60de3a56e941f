import type { AppLanguage } from '../core/i18n/language';
import { activeLanguage, formatNumber } from '../core/i18n/language';

/** The radius choices of the page, in km; null is "all offices". */
export const RADIUS_CHOICES: readonly { readonly value: number | null; readonly label: string }[] = [
  { value: 10, label: '10 km' },
  { value: 25, label: '25 km' },
  { value: 50, label: '50 km' },
  { value: 100, label: '100 km' },
  { value: null, label: $localize`alle Büros` },
];

/** "12,3 km", "1.234,5 km" in German, "12.3 km", "1,234.5 km" in English: one decimal. */
export function distanceLabel(km: number, language: AppLanguage = activeLanguage()): string {
  return `${formatNumber(km, { minimumFractionDigits: 1, maximumFractionDigits: 1 }, language)} km`;
}

/** The value of the radius select for a radius ("" for all), and back. */
export function radiusOptionValue(radius: number | null): string {
  return radius === null ? '' : String(radius);
}

export function radiusFromOptionValue(value: string): number | null {
  const radius = Number(value);
  return value !== '' && RADIUS_CHOICES.some((choice) => choice.value === radius) ? radius : null;
}

/** What the list shows, as a sentence for the heading's live region: "3 Büros im Umkreis von 25 km". */
export function resultSummary(count: number, radius: number | null): string {
  const offices =
    count === 0 ? $localize`Kein Büro` : count === 1 ? $localize`1 Büro` : $localize`${count}:count: Büros`;
  return radius === null
    ? $localize`${offices}:offices:, nach Entfernung sortiert`
    : $localize`${offices}:offices: im Umkreis von ${radius}:radius: km`;
}
