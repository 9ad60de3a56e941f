import {
  distanceLabel,
  RADIUS_CHOICES,
  radiusFromOptionValue,
  radiusOptionValue,
  resultSummary,
} from './near-home.labels';

describe('near-home labels', () => {
  it('writes distances the German way, to one decimal', () => {
    expect(distanceLabel(12.3)).toBe('12,3 km');
    expect(distanceLabel(0)).toBe('0,0 km');
    expect(distanceLabel(7)).toBe('7,0 km');
    expect(distanceLabel(1234.5)).toBe('1.234,5 km');
  });

  it('writes distances the English way in English', () => {
    expect(distanceLabel(12.34, 'en')).toBe('12.3 km');
    expect(distanceLabel(1234.5, 'en')).toBe('1,234.5 km');
  });

  it('offers 10, 25, 50 and 100 km and all offices, and reads only those back', () => {
    expect(RADIUS_CHOICES.map((choice) => choice.label)).toEqual(['10 km', '25 km', '50 km', '100 km', 'alle Büros']);
    for (const choice of RADIUS_CHOICES)
      expect(radiusFromOptionValue(radiusOptionValue(choice.value))).toBe(choice.value);
    expect(radiusFromOptionValue('33')).toBeNull();
    expect(radiusFromOptionValue('abc')).toBeNull();
  });

  it('sums up the list in a sentence', () => {
    expect(resultSummary(0, 10)).toBe('Kein Büro im Umkreis von 10 km');
    expect(resultSummary(1, 25)).toBe('1 Büro im Umkreis von 25 km');
    expect(resultSummary(4, null)).toBe('4 Büros, nach Entfernung sortiert');
  });
});
