/**
 * The public base URL (no trailing slash) the desks' check-in links point under: NAHBAR_PUBLIC_URL when set, else
 * http://localhost on the port the server actually bound. With PORT=0 that port is known only after `listen`, so the
 * default is resolved then (`listening`), not when the configuration is read.
 */
export class PublicUrl {
  private boundPort: number | undefined;

  constructor(private readonly configured: string | undefined) {}

  /** Called by the bootstrap once the HTTP server listens, with the port it got. */
  listening(port: number): void {
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      throw new RangeError(`A listening server has a port from 1 to 65535, got ${port}.`);
    }
    this.boundPort = port;
  }

  get value(): string {
    if (this.configured !== undefined) return this.configured;
    if (this.boundPort === undefined) {
      throw new Error('The public URL defaults to the bound port, and the server is not listening yet.');
    }
    return defaultPublicUrl(this.boundPort);
  }
}

/** The public URL when NAHBAR_PUBLIC_URL is not set: this machine, on the bound port. */
export function defaultPublicUrl(port: number): string {
  return `http://localhost:${port}`;
}
