import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { inlineScriptHashes, tileOrigin } from './security-headers.js';

describe('security headers', () => {
  it('hashes the inline scripts of both language builds, not the scripts loaded from files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nahbar-csp-'));
    const inline = "document.querySelectorAll('link').forEach(function(l){l.media='all'})";
    for (const language of ['de', 'en']) {
      mkdirSync(join(dir, language));
      writeFileSync(
        join(dir, language, 'index.html'),
        `<html><body><script src="main.js" type="module"></script><script>${inline}</script></body></html>`,
      );
    }
    const expected = `'sha256-${createHash('sha256').update(inline).digest('base64')}'`;
    expect(inlineScriptHashes(dir)).toEqual([expected]);
    expect(inlineScriptHashes(undefined)).toEqual([]);
    expect(inlineScriptHashes(join(dir, 'missing'))).toEqual([]);
  });

  it('allows the tile server by its origin, with subdomains as a wildcard', () => {
    expect(tileOrigin('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe('https://tile.openstreetmap.org');
    expect(tileOrigin('https://{s}.tiles.example:8443/{z}/{x}/{y}{r}.png')).toBe('https://*.tiles.example:8443');
  });
});
