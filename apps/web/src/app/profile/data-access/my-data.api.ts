import { DOCUMENT, inject, Injectable } from '@angular/core';

import { GraphqlHttpClient } from '../../core/graphql/graphql-http.client';
import { graphqlOperation } from '../../core/graphql/graphql-operation';

/** Everything nahbar holds about the person, as a JSON document (Art. 15 and 20 GDPR). */
export interface MyDataExport {
  readonly fileName: string;
  readonly generatedAt: string;
  readonly json: string;
}

/** What erasing the account did. */
export interface AccountErasure {
  readonly cancelledBookings: number;
  readonly anonymisedBookings: number;
  readonly seatedFromWaitlist: number;
}

export const MY_DATA = graphqlOperation<{ myData: MyDataExport }>(
  'query MyData { myData { fileName generatedAt json } }',
);

export const ERASE_MY_ACCOUNT = graphqlOperation<{ eraseMyAccount: AccountErasure }, { confirm: string }>(
  `mutation EraseMyAccount($confirm: String!) {
    eraseMyAccount(confirm: $confirm) { cancelledBookings anonymisedBookings seatedFromWaitlist }
  }`,
);

/** The words the API accepts as confirmation (either language), compared without case and outer spaces. */
const CONFIRMATIONS = ['LÖSCHEN', 'DELETE'];

export function confirmsErasure(text: string): boolean {
  return CONFIRMATIONS.includes(text.trim().toLocaleUpperCase('de-DE'));
}

/** The person's own data: the export as a file, and the erasure of the account. */
@Injectable({ providedIn: 'root' })
export class MyDataApi {
  private readonly graphql = inject(GraphqlHttpClient);
  private readonly document = inject(DOCUMENT);

  /** Reads the export and saves it as a JSON file; returns its file name. */
  async downloadMyData(): Promise<string> {
    const { myData } = await this.graphql.request(MY_DATA, {});
    this.save(new Blob([myData.json], { type: 'application/json' }), myData.fileName);
    return myData.fileName;
  }

  async eraseMyAccount(confirm: string): Promise<AccountErasure> {
    return (await this.graphql.request(ERASE_MY_ACCOUNT, { confirm })).eraseMyAccount;
  }

  private save(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    this.document.body.append(link);
    link.click();
    link.remove();
    // The browser has started the download by now; the address can go.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
