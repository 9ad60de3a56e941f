import { aProfile } from '../../testing/profile';
import { normalisePostalCode, postalCodeProblem, profileChanges } from './profile-form';

describe('postal code of the home', () => {
  it.each(['91052', '01067', ' 91052 ', '91 052', ''])('accepts "%s"', (value) => {
    expect(postalCodeProblem(value)).toBeNull();
  });

  it('says how many digits are missing or too many', () => {
    expect(postalCodeProblem('9105')).toBe(
      'Eine Postleitzahl hat genau fünf Ziffern, Sie haben 4 eingegeben. Zum Beispiel: 91052.',
    );
    expect(postalCodeProblem('910521')).toContain('Sie haben 6 eingegeben');
  });

  it('asks for digits only', () => {
    for (const value of ['D-91052', '9105a', 'Erlangen']) {
      expect(postalCodeProblem(value)).toBe('Bitte geben Sie nur Ziffern ein, genau fünf, zum Beispiel 91052.');
    }
  });

  it('drops spaces before saving', () => {
    expect(normalisePostalCode(' 91 052 ')).toBe('91052');
  });
});

describe('profileChanges', () => {
  const profile = aProfile({ homePostalCode: '91052', visibility: 'NOBODY' });

  it('sends only what changed', () => {
    expect(profileChanges(profile, { homePostalCode: '91052', visibility: 'TEAMS' })).toEqual({ visibility: 'TEAMS' });
    expect(profileChanges(profile, { homePostalCode: '48143', visibility: 'NOBODY' })).toEqual({
      homePostalCode: '48143',
    });
  });

  it('sends an empty postal code to remove it', () => {
    expect(profileChanges(profile, { homePostalCode: '  ', visibility: 'NOBODY' })).toEqual({ homePostalCode: '' });
  });

  it('sends nothing when nothing changed', () => {
    expect(profileChanges(profile, { homePostalCode: '91 052', visibility: 'NOBODY' })).toBeNull();
    expect(profileChanges(aProfile(), { homePostalCode: '', visibility: 'NOBODY' })).toBeNull();
  });
});
