import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { buildSchema, parse, validate } from 'graphql';

import { GraphqlLiveClient } from '../../core/graphql/graphql-live.client';
import { Identity } from '../../core/identity/identity';
import {
  DESK_IMPORT_PROGRESS,
  DeskImportApi,
  DeskImportRefusedError,
  type DeskImportReport,
  IMPORT_DESKS,
  type ImportListener,
  randomUuid,
  UPLOAD_REQUEST,
} from './data-access/desk-import.api';
import { changesText, columnLabel, dryRunText, serverProgress, uploadProgress } from './data-access/desk-import.state';
import { DeskImportPage } from './desk-import.page';

const SCHEMA_FILE = join(__dirname, '../../../../../api/schema.graphql');

function aReport(overrides: Partial<DeskImportReport> = {}): DeskImportReport {
  return {
    dryRun: true,
    valid: true,
    rows: 3,
    officesCreated: 0,
    areasCreated: 1,
    desksCreated: 2,
    desksUpdated: 1,
    desksUnchanged: 0,
    offices: [
      {
        officeId: 'o1',
        name: 'Satellitenbüro Fürth Rathaus',
        isNew: false,
        areas: [{ name: 'Dachgeschoss', isNew: true, desksCreated: 2, desksUpdated: 1, desksUnchanged: 0 }],
      },
    ],
    errors: [],
    ...overrides,
  };
}

const FAULTY = aReport({
  valid: false,
  errors: [
    {
      line: 3,
      column: 'EQUIPMENT',
      code: 'BAD_EQUIPMENT',
      messages: { de: 'Unbekannte Ausstattung „Beamer“.', en: 'Unknown equipment "Beamer".' },
    },
  ],
});

describe('desk import operations', () => {
  it('match the committed schema', () => {
    const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
    for (const operation of [IMPORT_DESKS, DESK_IMPORT_PROGRESS]) {
      expect(validate(schema, parse(operation.document)).map((error) => error.message)).toEqual([]);
    }
  });

  it('choose version-4 UUIDs for the progress', () => {
    expect(randomUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(randomUuid()).not.toBe(randomUuid());
  });
});

describe('desk import texts', () => {
  it('say what a dry run found, counts only', () => {
    expect(dryRunText(aReport())).toBe(
      'Die Datei ist fehlerfrei (3 Zeilen). Beim Import: 0 neue Büros, 1 neuer Bereich, 2 neue Plätze, 1 Platz geändert, 0 Plätze unverändert.',
    );
    expect(dryRunText(FAULTY)).toContain('Die Datei hat 1 Fehler (3 Zeilen geprüft)');
    expect(changesText(aReport({ desksCreated: 4998 }))).toContain('4.998 neue Plätze');
  });

  it('say how far the upload and the server are', () => {
    expect(uploadProgress(512, 1024)).toEqual({ percent: 50, text: 'Datei wird übertragen: 50 %' });
    expect(serverProgress({ importId: 'i', phase: 'WRITING', done: 1500, total: 5000 })).toEqual({
      percent: 30,
      text: 'Plätze werden gespeichert: 1.500 von 5.000',
    });
    expect(serverProgress({ importId: 'i', phase: 'CHECKING', done: 0, total: 0 }).percent).toBe(100);
    expect(columnLabel('MUNICIPALITY_AGS')).toBe('Gemeindeschlüssel (AGS)');
    expect(columnLabel(null)).toBe('ganze Zeile');
  });
});

/** A request the test answers by hand, recording what was sent. */
class FakeRequest {
  static last: FakeRequest | undefined;
  readonly headers: Record<string, string> = {};
  readonly upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  body = '';
  status = 0;
  responseText = '';
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor() {
    FakeRequest.last = this;
  }

  open(): void {
    return undefined;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  send(body: string): void {
    this.body = body;
  }

  answer(status: number, body: unknown): void {
    this.upload.onprogress?.({ lengthComputable: true, loaded: this.body.length, total: this.body.length } as never);
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

describe('DeskImportApi', () => {
  let progressSink: { next: (data: unknown) => void } | undefined;
  const unsubscribe = jest.fn();

  beforeEach(() => {
    progressSink = undefined;
    TestBed.configureTestingModule({
      providers: [
        { provide: UPLOAD_REQUEST, useValue: () => new FakeRequest() as unknown as XMLHttpRequest },
        {
          provide: Identity,
          useValue: { requestHeaders: async () => ({ 'x-nahbar-demo-person': 'p1' }), renew: async () => false },
        },
        {
          provide: GraphqlLiveClient,
          useValue: {
            subscribe: (_op: unknown, _vars: unknown, sink: { next: (data: unknown) => void }) => {
              progressSink = sink;
              return unsubscribe;
            },
          },
        },
      ],
    });
  });

  async function sent(): Promise<FakeRequest> {
    for (let i = 0; i < 5 && !FakeRequest.last?.body; i += 1) await Promise.resolve();
    const request = FakeRequest.last;
    if (!request) throw new Error('nothing sent');
    return request;
  }

  it('sends the file with the credentials, reports upload and server progress, and stops following after', async () => {
    FakeRequest.last = undefined;
    const listener: ImportListener = { upload: jest.fn(), progress: jest.fn() };
    const running = TestBed.inject(DeskImportApi).run('Büro;Bereich;Platz\r\n', true, listener);
    const request = await sent();
    expect(request.headers['x-nahbar-demo-person']).toBe('p1');
    const { variables } = JSON.parse(request.body) as { variables: { input: { csv: string; importId: string } } };
    expect(variables.input).toMatchObject({ csv: 'Büro;Bereich;Platz\r\n', dryRun: true });
    progressSink?.next({
      deskImportProgress: { importId: variables.input.importId, phase: 'CHECKING', done: 1, total: 2 },
    });
    request.answer(200, { data: { importDesks: aReport() } });
    await expect(running).resolves.toEqual(aReport());
    expect(listener.upload).toHaveBeenCalledWith(request.body.length, request.body.length);
    expect(listener.progress).toHaveBeenCalledWith(expect.objectContaining({ phase: 'CHECKING', done: 1 }));
    expect(unsubscribe).toHaveBeenCalled();
  });

  it('turns IMPORT_INVALID into the list of faulty lines', async () => {
    FakeRequest.last = undefined;
    const running = TestBed.inject(DeskImportApi).run('x', false, { upload: jest.fn(), progress: jest.fn() });
    (await sent()).answer(200, {
      data: null,
      errors: [{ message: 'refused', extensions: { code: 'IMPORT_INVALID', errors: FAULTY.errors } }],
    });
    await expect(running).rejects.toEqual(new DeskImportRefusedError(FAULTY.errors));
  });
});

describe('DeskImportPage', () => {
  let api: { run: jest.Mock };

  async function render(): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: [provideRouter([]), { provide: DeskImportApi, useValue: api }] });
    const fixture = TestBed.createComponent(DeskImportPage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
  }

  async function chooseFile(page: HTMLElement, bytes: Uint8Array, name = 'plaetze.csv'): Promise<void> {
    const input = page.querySelector<HTMLInputElement>('#import-file');
    if (!input) throw new Error('no file input');
    const file = new File([bytes as BlobPart], name, { type: 'text/csv' });
    // jsdom's File lacks arrayBuffer in some versions: give it the bytes.
    Object.defineProperty(file, 'arrayBuffer', { value: async () => bytes.buffer });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
  }

  const importButton = (page: HTMLElement): HTMLButtonElement | null =>
    page.querySelector<HTMLButtonElement>('[data-testid="import-run"]');

  beforeEach(() => {
    api = { run: jest.fn() };
  });

  it('offers the template and a labelled file field; import stays off until a clean check', async () => {
    const page = await render();
    const link = page.querySelector<HTMLAnchorElement>('[data-testid="import-template"]');
    expect(link?.getAttribute('download')).toBe('nahbar-plaetze-vorlage.csv');
    expect(decodeURIComponent(link?.getAttribute('href') ?? '')).toContain('\uFEFFBüro;Adresse;');
    expect(page.querySelector('label[for="import-file"]')?.textContent).toContain('CSV-Datei');
    expect(importButton(page)?.disabled).toBe(true);
  });

  it('checks a chosen file at once and lists each faulty line with line, column and reason', async () => {
    api.run.mockResolvedValue(FAULTY);
    const page = await render();
    await chooseFile(page, new TextEncoder().encode('Büro;Bereich;Platz\r\n'));
    expect(api.run).toHaveBeenCalledWith('Büro;Bereich;Platz\r\n', true, expect.anything());
    const table = page.querySelector('[data-testid="import-errors"]');
    expect(table?.querySelector('caption')?.textContent).toContain('Fehler in der Datei (1)');
    expect([...(table?.querySelectorAll('th') ?? [])].map((th) => th.getAttribute('scope'))).toEqual([
      'col',
      'col',
      'col',
    ]);
    expect([...(table?.querySelectorAll('tbody td') ?? [])].map((td) => td.textContent?.trim())).toEqual([
      '3',
      'Ausstattung',
      'Unbekannte Ausstattung „Beamer“.',
    ]);
    expect(page.querySelector('[role="status"]')?.textContent).toContain('Die Datei hat 1 Fehler');
    expect(importButton(page)?.disabled).toBe(true);
  });

  it('reads a Windows-1252 file as Excel saves it, and imports only the checked text after a clean check', async () => {
    api.run.mockResolvedValueOnce(aReport()).mockResolvedValueOnce(aReport({ dryRun: false }));
    const page = await render();
    // "Büro" with ü as the single byte 0xFC.
    await chooseFile(page, new Uint8Array([0x42, 0xfc, 0x72, 0x6f, 0x0d, 0x0a]));
    expect(api.run).toHaveBeenCalledWith('Büro\r\n', true, expect.anything());
    expect(page.querySelector('[data-testid="import-file-name"]')?.textContent).toContain('Windows-1252');
    expect(page.querySelector('[data-testid="import-plan"]')?.textContent).toContain('Dachgeschoss');
    expect(importButton(page)?.disabled).toBe(false);
    importButton(page)?.click();
    await settle();
    expect(api.run).toHaveBeenLastCalledWith('Büro\r\n', false, expect.anything());
    const result = page.querySelector('[data-testid="import-result"]');
    expect(result?.querySelector('a')?.getAttribute('href')).toBe('/buchen?buero=o1');
    expect(page.querySelector('[role="status"]')?.textContent).toContain('Import abgeschlossen');
  });

  it('shows a progress bar with its text while the API works', async () => {
    let finish: (report: DeskImportReport) => void = () => undefined;
    api.run.mockImplementation(
      (_csv: string, _dry: boolean, listener: ImportListener) =>
        new Promise<DeskImportReport>((resolve) => {
          listener.progress({ importId: 'i', phase: 'CHECKING', done: 250, total: 1000 });
          finish = resolve;
        }),
    );
    const page = await render();
    await chooseFile(page, new TextEncoder().encode('Büro;Bereich;Platz\n'));
    const bar = page.querySelector('[role="progressbar"]');
    expect(bar?.getAttribute('aria-valuenow')).toBe('25');
    expect(bar?.getAttribute('aria-valuetext')).toBe('Zeilen werden geprüft: 250 von 1.000');
    expect(page.querySelector('#import-progress-label')?.textContent).toContain('Fortschritt');
    finish(aReport());
    await settle();
    expect(page.querySelector('[role="progressbar"]')).toBeNull();
  });

  it('after a refused import shows the lines and needs a new check', async () => {
    api.run.mockResolvedValueOnce(aReport()).mockRejectedValueOnce(new DeskImportRefusedError(FAULTY.errors));
    const page = await render();
    await chooseFile(page, new TextEncoder().encode('Büro;Bereich;Platz\n'));
    importButton(page)?.click();
    await settle();
    expect(page.querySelector('[data-testid="import-errors"]')?.textContent).toContain('Beamer');
    expect(page.querySelector('[role="status"]')?.textContent).toContain('Nichts wurde importiert');
    expect(importButton(page)?.disabled).toBe(true);
  });

  it('refuses a file that is no text', async () => {
    const page = await render();
    await chooseFile(page, new Uint8Array([0x00, 0x81, 0xff, 0x00]), 'bild.png');
    expect(api.run).not.toHaveBeenCalled();
    expect(page.querySelector('[role="status"]')?.textContent).toContain('keine CSV-Datei');
  });
});
