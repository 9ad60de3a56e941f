import { TestBed } from '@angular/core/testing';

import { GraphqlRequestError } from '../../core/graphql/graphql-request.error';
import { OfficeChoice, type OfficeOption, type OfficesRead } from './office-choice';

const OFFICES: OfficeOption[] = [
  { id: 'o1', name: 'Rathaus Fürth' },
  { id: 'o2', name: 'Landratsamt Erlangen' },
];

/** The read of the offices as a resource gives it: loaded (or loading again), loading, or failed. */
function render(inputs: { offices: OfficeOption[]; loading?: boolean; error?: unknown }) {
  const read: OfficesRead & { reload: jest.Mock<boolean, []> } = {
    hasValue: () => inputs.error === undefined && !(inputs.loading && inputs.offices.length === 0),
    value: () => inputs.offices,
    isLoading: () => inputs.loading ?? false,
    error: () => inputs.error,
    reload: jest.fn(() => true),
  };
  const fixture = TestBed.createComponent(OfficeChoice);
  fixture.componentRef.setInput('offices', read);
  fixture.componentRef.setInput('officeId', inputs.offices[1]?.id ?? null);
  fixture.componentRef.setInput('fieldId', 'report-office');
  fixture.detectChanges();
  return { fixture, read, root: fixture.nativeElement as HTMLElement };
}

describe('OfficeChoice', () => {
  it('offers the offices in a labelled field, the chosen one selected, and hands on another choice', () => {
    const { fixture, root } = render({ offices: OFFICES });
    const chosen: string[] = [];
    fixture.componentInstance.choose.subscribe((id) => chosen.push(id));

    const select = root.querySelector<HTMLSelectElement>('select#report-office');
    expect(root.querySelector('label[for="report-office"]')?.textContent).toBe('Büro');
    expect(select?.value).toBe('o2');
    if (select) {
      select.value = 'o1';
      select.dispatchEvent(new Event('change'));
    }
    expect(chosen).toEqual(['o1']);
  });

  it('says that the offices load, and then nothing while there are none (the page says why)', () => {
    expect(render({ offices: [], loading: true }).root.textContent).toContain('Büros werden geladen');
    const { root } = render({ offices: [] });
    expect(root.textContent?.trim()).toBe('');
  });

  it('explains an error in an alert and offers to read the offices again', () => {
    const { read, root } = render({ offices: [], error: new GraphqlRequestError('NETWORK', 'offline') });

    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Die Büros konnten nicht geladen werden. Keine Verbindung');
    alert?.querySelector('button')?.click();
    expect(read.reload).toHaveBeenCalledTimes(1);
    expect(root.querySelector('select')).toBeNull();
  });
});
