import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { MyTeams } from './data-access/my-teams';
import type { TeamSummary } from './data-access/team.api';
import { TeamsPage } from './teams.page';

describe('TeamsPage', () => {
  const teams = signal<TeamSummary[]>([]);
  const loaded = signal(true);

  async function render(): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        {
          provide: MyTeams,
          useValue: {
            teams,
            loaded,
            loadFailed: () => false,
            hasTeams: () => teams().length > 0,
            reload: jest.fn(),
          },
        },
      ],
    });
    const fixture = TestBed.createComponent(TeamsPage);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('links each team and says which the person leads', async () => {
    teams.set([
      { id: 't1', name: 'Geodaten', organisationId: 'org-1', viewerIsLead: true },
      { id: 't2', name: 'Vermessung', organisationId: 'org-1', viewerIsLead: false },
    ]);
    const page = await render();

    const items = [...page.querySelectorAll('li')];
    expect(items.map((li) => li.querySelector('a')?.getAttribute('href'))).toEqual(['/team/t1', '/team/t2']);
    expect(items[0]?.textContent).toContain('Sie leiten dieses Team.');
    expect(items[1]?.textContent).not.toContain('leiten');
  });

  it('explains when the person is in no team', async () => {
    teams.set([]);
    const page = await render();

    expect(page.textContent).toContain('Sie gehören zu keinem Team.');
  });
});
