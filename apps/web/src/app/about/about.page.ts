import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

import { ROUTE_LINKS } from '../app.paths';

/** What nahbar is, under which licence it is published, and whose data it shows (with the credits they require). */
@Component({
  selector: 'nb-about-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './about.page.html',
  styleUrl: './about.page.css',
})
export class AboutPage {
  protected readonly links = ROUTE_LINKS;
}
