import { aJwt } from '../../../testing/fake-oidc-security-service';
import { accessTokenExpiry, expiresSoon } from './access-token';

describe('access token expiry', () => {
  const now = Date.UTC(2026, 10, 24, 9, 0, 0);
  const inSeconds = (seconds: number): number => now / 1000 + seconds;

  it('reads exp of a JWT', () => {
    expect(accessTokenExpiry(aJwt(1_800_000_000))).toBe(1_800_000_000);
  });

  it('knows nothing about opaque or broken tokens', () => {
    expect(accessTokenExpiry('opaque')).toBeNull();
    expect(accessTokenExpiry('a.%%%.c')).toBeNull();
    expect(accessTokenExpiry(`x.${btoa('{"sub":"1"}')}.y`)).toBeNull();
  });

  it('says a token expiring within ten seconds, or expired, needs renewing', () => {
    expect(expiresSoon(aJwt(inSeconds(60)), now)).toBe(false);
    expect(expiresSoon(aJwt(inSeconds(10)), now)).toBe(true);
    expect(expiresSoon(aJwt(inSeconds(-5)), now)).toBe(true);
    expect(expiresSoon('opaque', now)).toBe(false);
  });
});
