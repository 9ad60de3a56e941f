/** Header that names the demo person a request acts for (apps/api/src/identity/demo-identity.ts). */
const DEMO_PERSON_HEADER = 'x-nahbar-demo-person';

interface GraphqlResponse<T> {
  readonly data?: T | null;
  readonly errors?: readonly { readonly message: string; readonly extensions?: { readonly code?: string } }[];
}

/**
 * The app's GraphQL API as demo people use it, for what a test sets up rather than shows in a browser (other
 * people's bookings, the link a QR code encodes). Errors fail the test with their code and message.
 */
export class DemoGraphql {
  private people: Promise<ReadonlyMap<string, string>> | undefined;

  constructor(private readonly url: string) {}

  /** The id of the demo person with this display name. */
  async personId(displayName: string): Promise<string> {
    this.people ??= this.request<{ demoPeople: { id: string; displayName: string }[] }>(
      null,
      '{ demoPeople { id displayName } }',
    ).then(({ demoPeople }) => new Map(demoPeople.map((person) => [person.displayName, person.id])));
    const id = (await this.people).get(displayName);
    if (id === undefined) throw new Error(`No demo person "${displayName}"`);
    return id;
  }

  /** Runs an operation as the demo person named (null: nobody, for the public operations). */
  async as<T>(displayName: string, query: string, variables: Readonly<Record<string, unknown>> = {}): Promise<T> {
    return this.request<T>(await this.personId(displayName), query, variables);
  }

  private async request<T>(
    personId: string | null,
    query: string,
    variables: Readonly<Record<string, unknown>> = {},
  ): Promise<T> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(personId === null ? {} : { [DEMO_PERSON_HEADER]: personId }) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphqlResponse<T>;
    if (body.errors?.length || !body.data) {
      const problems = (body.errors ?? []).map((error) => `${error.extensions?.code ?? '?'}: ${error.message}`);
      throw new Error(`GraphQL ${response.status}: ${problems.join('; ') || 'no data'}\n${query}`);
    }
    return body.data;
  }
}
