import { inject, Injectable, InjectionToken } from '@angular/core';

import { GRAPHQL_PATH } from '../../../core/graphql/graphql-endpoint';
import { GraphqlLiveClient } from '../../../core/graphql/graphql-live.client';
import { graphqlOperation } from '../../../core/graphql/graphql-operation';
import { errorFromGraphqlErrors, GraphqlRequestError } from '../../../core/graphql/graphql-request.error';
import { Identity } from '../../../core/identity/identity';

export type DeskImportColumn =
  | 'OFFICE'
  | 'ADDRESS'
  | 'MUNICIPALITY_AGS'
  | 'OPENING_WEEKDAYS'
  | 'AREA'
  | 'DESK'
  | 'EQUIPMENT'
  | 'ACCESSIBLE'
  | 'ACTIVE';

/** One faulty line of the file: the spreadsheet's line number (header = 1), the column, and why. */
export interface DeskImportLineError {
  readonly line: number;
  readonly column: DeskImportColumn | null;
  readonly code: string;
  readonly messages: { readonly de: string; readonly en: string };
}

export interface DeskImportArea {
  readonly name: string;
  readonly isNew: boolean;
  readonly desksCreated: number;
  readonly desksUpdated: number;
  readonly desksUnchanged: number;
}

export interface DeskImportOffice {
  readonly officeId: string | null;
  readonly name: string;
  readonly isNew: boolean;
  readonly areas: readonly DeskImportArea[];
}

/** What a dry run would do, or what an import did: counts only. */
export interface DeskImportReport {
  readonly dryRun: boolean;
  readonly valid: boolean;
  readonly rows: number;
  readonly officesCreated: number;
  readonly areasCreated: number;
  readonly desksCreated: number;
  readonly desksUpdated: number;
  readonly desksUnchanged: number;
  readonly offices: readonly DeskImportOffice[];
  readonly errors: readonly DeskImportLineError[];
}

export type DeskImportPhase = 'CHECKING' | 'WRITING' | 'DONE';

export interface DeskImportProgress {
  readonly importId: string;
  readonly phase: DeskImportPhase;
  readonly done: number;
  readonly total: number;
}

export interface ImportDesksInput {
  readonly csv: string;
  readonly dryRun: boolean;
  readonly importId: string;
}

const REPORT_FIELDS = `dryRun valid rows officesCreated areasCreated desksCreated desksUpdated desksUnchanged
  offices { officeId name isNew areas { name isNew desksCreated desksUpdated desksUnchanged } }
  errors { line column code messages { de en } }`;

export const IMPORT_DESKS = graphqlOperation<{ importDesks: DeskImportReport }, { input: ImportDesksInput }>(
  `mutation ImportDesks($input: ImportDesksInput!) { importDesks(input: $input) { ${REPORT_FIELDS} } }`,
);

export const DESK_IMPORT_PROGRESS = graphqlOperation<{ deskImportProgress: DeskImportProgress }, { importId: string }>(
  `subscription DeskImportProgress($importId: ID!) { deskImportProgress(importId: $importId) { importId phase done total } }`,
);

/** A version-4 UUID; crypto.randomUUID exists in secure contexts only, getRandomValues everywhere. */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The file's lines were refused by the import (IMPORT_INVALID): nothing was written; here is why. */
export class DeskImportRefusedError extends Error {
  constructor(readonly errors: readonly DeskImportLineError[]) {
    super('IMPORT_INVALID');
    this.name = 'DeskImportRefusedError';
  }
}

/** Makes the request object; replaced in tests. XMLHttpRequest, not fetch: only it reports upload progress. */
export const UPLOAD_REQUEST = new InjectionToken<() => XMLHttpRequest>('UPLOAD_REQUEST', {
  providedIn: 'root',
  factory: () => () => new XMLHttpRequest(),
});

export interface ImportListener {
  /** Bytes of the request sent so far, of `total`. */
  upload(sent: number, total: number): void;
  /** The server's progress (lines checked, desks written). */
  progress(progress: DeskImportProgress): void;
}

interface GraphqlBody {
  readonly data?: { readonly importDesks?: DeskImportReport } | null;
  readonly errors?: readonly { readonly extensions?: { readonly code?: unknown; readonly errors?: unknown } }[];
}

/**
 * Sends a desk list to the API as the importDesks mutation, with upload progress from XMLHttpRequest and the server's
 * progress from the deskImportProgress subscription (keyed by an id chosen here). Credentials come from `Identity` as
 * for every other request; a refused credential is renewed once.
 */
@Injectable({ providedIn: 'root' })
export class DeskImportApi {
  private readonly identity = inject(Identity);
  private readonly live = inject(GraphqlLiveClient);
  private readonly request = inject(UPLOAD_REQUEST);

  async run(csv: string, dryRun: boolean, listener: ImportListener): Promise<DeskImportReport> {
    const importId = randomUuid();
    const stop = this.live.subscribe(
      DESK_IMPORT_PROGRESS,
      { importId },
      {
        next: (data) => listener.progress(data.deskImportProgress),
        // Progress is a courtesy: without it the answer still comes.
        error: () => undefined,
      },
    );
    try {
      const input: ImportDesksInput = { csv, dryRun, importId };
      try {
        return await this.send(input, listener);
      } catch (error) {
        if (error instanceof GraphqlRequestError && error.code === 'UNAUTHENTICATED' && (await this.identity.renew())) {
          return await this.send(input, listener);
        }
        throw error;
      }
    } finally {
      stop();
    }
  }

  private async send(input: ImportDesksInput, listener: ImportListener): Promise<DeskImportReport> {
    const credentials = await this.identity.requestHeaders();
    const body = JSON.stringify({ query: IMPORT_DESKS.document, variables: { input } });
    const text = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const xhr = this.request();
      xhr.open('POST', GRAPHQL_PATH);
      xhr.setRequestHeader('content-type', 'application/json');
      xhr.setRequestHeader('accept', 'application/graphql-response+json, application/json');
      for (const [name, value] of Object.entries(credentials)) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) listener.upload(event.loaded, event.total);
      };
      xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText });
      xhr.onerror = () => reject(new GraphqlRequestError('NETWORK', 'The file could not be sent'));
      xhr.onabort = () => reject(new GraphqlRequestError('NETWORK', 'Sending the file was aborted'));
      xhr.send(body);
    });
    let parsed: GraphqlBody;
    try {
      parsed = JSON.parse(text.text) as GraphqlBody;
    } catch {
      throw new GraphqlRequestError(
        text.status === 413 ? 'BAD_USER_INPUT' : 'NETWORK',
        `HTTP ${text.status} without a GraphQL body`,
      );
    }
    const errors = parsed.errors ?? [];
    const refused = errors.find((error) => error.extensions?.code === 'IMPORT_INVALID');
    if (refused) {
      const lines = refused.extensions?.errors;
      throw new DeskImportRefusedError(Array.isArray(lines) ? (lines as DeskImportLineError[]) : []);
    }
    if (errors.length > 0) throw errorFromGraphqlErrors(errors);
    const report = parsed.data?.importDesks;
    if (!report) throw new GraphqlRequestError('UNKNOWN', 'GraphQL response without data');
    return report;
  }
}
