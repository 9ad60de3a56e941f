import { loadedFiles, registerServiceWorker, SERVICE_WORKER_URL } from './service-worker';

describe('service worker registration', () => {
  it('tells the worker only the files of this origin', () => {
    const entries = [
      { name: 'https://nahbar.example/main-ABC.js' },
      { name: 'https://nahbar.example/chunk-1.js' },
      { name: 'https://tiles.example/1/2/3.png' },
      { name: 'https://nahbar.example.evil/x.js' },
    ];
    expect(loadedFiles(entries, 'https://nahbar.example')).toEqual([
      'https://nahbar.example/main-ABC.js',
      'https://nahbar.example/chunk-1.js',
    ]);
  });

  it('registers the worker for the whole app and hands it the files loaded so far', async () => {
    const postMessage = jest.fn();
    const register = jest.fn(async () => ({}));
    const scope = {
      isSecureContext: true,
      navigator: { serviceWorker: { register, ready: Promise.resolve({ active: { postMessage } }) } },
      performance: { getEntriesByType: () => [{ name: 'https://nahbar.example/main.js' }] },
      location: { origin: 'https://nahbar.example' },
    } as unknown as typeof globalThis;

    await registerServiceWorker(scope);

    expect(register).toHaveBeenCalledWith(SERVICE_WORKER_URL, { scope: '/' });
    expect(postMessage).toHaveBeenCalledWith({ type: 'cache-files', urls: ['https://nahbar.example/main.js'] });
  });

  it('does nothing without service workers or on an insecure origin', async () => {
    const register = jest.fn();
    await registerServiceWorker({ isSecureContext: true, navigator: {} } as unknown as typeof globalThis);
    await registerServiceWorker({
      isSecureContext: false,
      navigator: { serviceWorker: { register } },
    } as unknown as typeof globalThis);
    expect(register).not.toHaveBeenCalled();
  });
});
