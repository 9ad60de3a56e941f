/** `exp` of a JWT access token (seconds since 1970), or null for an opaque token or one without `exp`. */
export function accessTokenExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (payload === undefined) {
    return null;
  }
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const json: unknown = JSON.parse(atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=')));
    const exp = typeof json === 'object' && json !== null ? (json as { exp?: unknown }).exp : undefined;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp : null;
  } catch {
    return null;
  }
}

/**
 * True when the token expires within `marginSeconds` of `nowMs` (or has expired), e.g. after the computer slept
 * through the regular renewal. A token whose expiry cannot be read is taken as valid: the API decides.
 */
export function expiresSoon(token: string, nowMs: number, marginSeconds = 10): boolean {
  const exp = accessTokenExpiry(token);
  return exp !== null && exp * 1000 - nowMs <= marginSeconds * 1000;
}
