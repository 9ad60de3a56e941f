import { DomainError } from '../../common/domain-error.js';
import { profileFromClaims } from './oidc-profile.js';

describe('profileFromClaims', () => {
  const claims = { sub: 's-1', iss: 'https://id.example', organisation: 'ldbv' };

  it('reads name, e-mail and organisation', () => {
    expect(
      profileFromClaims({ ...claims, name: ' Anna  Schmidt ', email: 'anna@ldbv.example' }, 'organisation'),
    ).toEqual({
      displayName: 'Anna Schmidt',
      email: 'anna@ldbv.example',
      organisation: 'ldbv',
    });
  });

  it('falls back to given and family name, then to the preferred user name', () => {
    expect(profileFromClaims({ ...claims, given_name: 'Anna', family_name: 'Schmidt' }, 'organisation')).toMatchObject({
      displayName: 'Anna Schmidt',
    });
    expect(profileFromClaims({ ...claims, name: '  ', family_name: 'Schmidt' }, 'organisation')).toMatchObject({
      displayName: 'Schmidt',
    });
    expect(profileFromClaims({ ...claims, preferred_username: 'aschmidt' }, 'organisation')).toMatchObject({
      displayName: 'aschmidt',
    });
  });

  it('refuses a token without any name with its own code', () => {
    for (const payload of [
      { ...claims, email: 'a@b.example' },
      { ...claims, name: 42, given_name: ' ' },
    ]) {
      const refusal = thrownBy(() => profileFromClaims(payload, 'organisation'));
      expect(refusal).toBeInstanceOf(DomainError);
      expect((refusal as DomainError).code).toBe('PROFILE_INCOMPLETE');
    }
  });

  it('drops implausible e-mail addresses instead of storing them', () => {
    expect(profileFromClaims({ ...claims, name: 'A', email: 'not an address' }, 'organisation')).not.toHaveProperty(
      'email',
    );
    expect(profileFromClaims({ ...claims, name: 'A', email: ['a@b.example'] }, 'organisation')).not.toHaveProperty(
      'email',
    );
  });

  it('reads the organisation from the configured claim: a string or a list of exactly one', () => {
    const base = { sub: 's', name: 'A' };
    expect(profileFromClaims({ ...base, behoerde: 'it-nrw' }, 'behoerde').organisation).toBe('it-nrw');
    expect(profileFromClaims({ ...base, organisation: ['it-nrw'] }, 'organisation').organisation).toBe('it-nrw');
    expect(profileFromClaims({ ...base, organisation: ['a', 'b'] }, 'organisation').organisation).toBeUndefined();
    expect(profileFromClaims({ ...base, organisation: { a: 1 } }, 'organisation').organisation).toBeUndefined();
    expect(profileFromClaims({ ...base, behoerde: 'it-nrw' }, 'organisation').organisation).toBeUndefined();
  });

  it('caps a very long name', () => {
    expect(profileFromClaims({ sub: 's', name: 'x'.repeat(1000) }, 'organisation').displayName).toHaveLength(200);
  });
});

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}
