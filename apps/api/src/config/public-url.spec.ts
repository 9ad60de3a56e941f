import { loadConfig } from './app-config.js';
import { defaultPublicUrl, PublicUrl } from './public-url.js';

describe('PublicUrl', () => {
  it('follows the port actually bound when NAHBAR_PUBLIC_URL is not set (PORT=0 included)', () => {
    const config = loadConfig({ PORT: '0' }, '/srv/nahbar');
    expect(config.publicUrl).toBeUndefined();
    const publicUrl = new PublicUrl(config.publicUrl);
    expect(() => publicUrl.value).toThrow(/not listening yet/);
    publicUrl.listening(41234);
    expect(publicUrl.value).toBe('http://localhost:41234');
    expect(publicUrl.value).not.toContain(':0');
  });

  it('uses the bound port, not the configured one', () => {
    const publicUrl = new PublicUrl(loadConfig({ PORT: '3000' }, '/srv/nahbar').publicUrl);
    publicUrl.listening(3001);
    expect(publicUrl.value).toBe(defaultPublicUrl(3001));
  });

  it('keeps NAHBAR_PUBLIC_URL whatever port is bound', () => {
    const config = loadConfig({ PORT: '0', NAHBAR_PUBLIC_URL: 'https://nahbar.example.de/' }, '/srv/nahbar');
    const publicUrl = new PublicUrl(config.publicUrl);
    expect(publicUrl.value).toBe('https://nahbar.example.de');
    publicUrl.listening(41234);
    expect(publicUrl.value).toBe('https://nahbar.example.de');
  });

  it('refuses a port no listening server has', () => {
    const publicUrl = new PublicUrl(undefined);
    expect(() => publicUrl.listening(0)).toThrow(RangeError);
    expect(() => publicUrl.listening(70000)).toThrow(RangeError);
  });
});
