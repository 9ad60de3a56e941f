import { ChangeDetectionStrategy, Component, computed, DOCUMENT, inject, resource } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { map } from 'rxjs';

import { QR_CODES_QUERY_PARAMS } from '../app.paths';
import { errorMessageFor } from '../core/errors/error-messages';
import { CurrentPerson } from '../core/identity/current-person';
import { svgDataUrl } from '../shared/images/svg-data-url';
import { managedOffices, QrCodesApi } from './data-access/qr-codes.api';

/**
 * For facility managers and organisation admins: choose an office and an area, then print one QR code per desk.
 * The codes open the check-in page. Office and area live in the URL, so a printed list can be opened again.
 */
@Component({
  selector: 'nb-qr-codes-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './qr-codes.page.html',
  styleUrl: './qr-codes.page.css',
})
export class QrCodesPage {
  private readonly api = inject(QrCodesApi);
  private readonly currentPerson = inject(CurrentPerson);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  protected readonly errorMessageFor = errorMessageFor;
  protected readonly svgDataUrl = svgDataUrl;

  private readonly params = toSignal(
    this.route.queryParamMap.pipe(
      map((params) => ({
        office: params.get(QR_CODES_QUERY_PARAMS.office),
        area: params.get(QR_CODES_QUERY_PARAMS.area),
      })),
    ),
    { initialValue: { office: null, area: null } },
  );

  /** Admins also manage the offices their organisation runs. */
  protected readonly sharings = resource({
    params: () => (this.currentPerson.isAdmin() ? true : undefined),
    loader: ({ abortSignal }) => this.api.officeSharings(abortSignal),
  });

  protected readonly offices = computed(() =>
    managedOffices(this.currentPerson.profile()?.roles ?? [], this.sharings.hasValue() ? this.sharings.value() : []),
  );

  protected readonly officeId = computed(() => {
    const offices = this.offices();
    const wanted = this.params().office;
    return offices.find((office) => office.id === wanted)?.id ?? offices[0]?.id ?? null;
  });

  protected readonly officeName = computed(
    () => this.offices().find((office) => office.id === this.officeId())?.name ?? '',
  );

  protected readonly areaList = resource({
    params: () => this.officeId() ?? undefined,
    loader: ({ params, abortSignal }) => this.api.officeAreas(params, abortSignal),
  });

  protected readonly areas = computed(() => (this.areaList.hasValue() ? this.areaList.value() : []));

  protected readonly area = computed(() => {
    const areas = this.areas();
    return areas.find((area) => area.id === this.params().area) ?? areas[0] ?? null;
  });

  protected readonly codes = resource({
    params: () => this.area()?.id,
    loader: ({ params, abortSignal }) => this.api.deskQrCodes(params, abortSignal),
  });

  protected chooseOffice(officeId: string): void {
    this.showInUrl({ [QR_CODES_QUERY_PARAMS.office]: officeId, [QR_CODES_QUERY_PARAMS.area]: null });
  }

  protected chooseArea(areaId: string): void {
    this.showInUrl({ [QR_CODES_QUERY_PARAMS.office]: this.officeId(), [QR_CODES_QUERY_PARAMS.area]: areaId });
  }

  protected print(): void {
    this.document.defaultView?.print();
  }

  private showInUrl(queryParams: Record<string, string | null>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
}
