import type { ClientErrorCode } from '../graphql/graphql-request.error';
import { errorCodeOf, GraphqlRequestError } from '../graphql/graphql-request.error';

/**
 * A request beyond the API's GraphQL limits (too deep, too costly, too large …): a fault of the client, not of the
 * person, who can only reload or tell someone. One message for all of them.
 */
const REQUEST_REFUSED = $localize`:@@error.REQUEST_REFUSED:Diese Anfrage nimmt der Server nicht an. Das ist ein Fehler in nahbar, nicht bei Ihnen. Bitte laden Sie die Seite neu; wenn der Fehler bleibt, wenden Sie sich an Ihre IT-Stelle.`;

/** Plain words for every error the user can meet: what happened and what to do (German, translated to English). */
const MESSAGES: Readonly<Record<ClientErrorCode, string>> = {
  UNAUTHENTICATED: $localize`:@@error.UNAUTHENTICATED:Sie sind nicht angemeldet oder Ihre Anmeldung ist abgelaufen. Bitte gehen Sie zur Startseite und melden Sie sich an.`,
  BAD_USER_INPUT: $localize`:@@error.BAD_USER_INPUT:Die Angaben sind nicht vollständig oder nicht gültig. Bitte prüfen Sie Ihre Auswahl.`,
  INVALID_DATE: $localize`:@@error.INVALID_DATE:Dieses Datum gibt es nicht. Bitte wählen Sie ein anderes Datum.`,
  DATE_IN_PAST: $localize`:@@error.DATE_IN_PAST:Dieser Tag liegt in der Vergangenheit. Bitte wählen Sie heute oder einen späteren Tag.`,
  OFFICE_NOT_FOUND: $localize`:@@error.OFFICE_NOT_FOUND:Dieses Büro gibt es nicht mehr. Bitte wählen Sie ein anderes Büro.`,
  DESK_NOT_FOUND: $localize`:@@error.DESK_NOT_FOUND:Diesen Platz gibt es nicht mehr. Bitte wählen Sie einen anderen Platz.`,
  DESK_TAKEN: $localize`:@@error.DESK_TAKEN:Dieser Platz ist für diese Zeit schon vergeben. Bitte wählen Sie einen anderen Platz.`,
  PERSON_ALREADY_BOOKED: $localize`:@@error.PERSON_ALREADY_BOOKED:Sie haben für diese Zeit schon einen Platz gebucht.`,
  BOOKING_NOT_FOUND: $localize`:@@error.BOOKING_NOT_FOUND:Diese Buchung gibt es nicht mehr. Bitte laden Sie die Seite neu.`,
  BOOKING_NOT_ACTIVE: $localize`:@@error.BOOKING_NOT_ACTIVE:Diese Buchung ist schon storniert oder beendet und kann nicht mehr storniert werden.`,
  FORBIDDEN: $localize`:@@error.FORBIDDEN:Dafür fehlt Ihnen die Berechtigung. Wenn Sie sie brauchen, wenden Sie sich an die Organisationsverwaltung Ihrer Behörde.`,
  LAST_ADMIN: $localize`:@@error.LAST_ADMIN:Diese Person ist die letzte Organisationsverwaltung Ihrer Organisation. Vergeben Sie die Rolle zuerst an eine weitere Person; danach können Sie sie hier entfernen.`,
  PERSON_NOT_FOUND: $localize`:@@error.PERSON_NOT_FOUND:Diese Person gibt es in Ihrer Organisation nicht (mehr). Bitte suchen Sie die Person erneut.`,
  TEAM_NOT_FOUND: $localize`:@@error.TEAM_NOT_FOUND:Dieses Team gibt es in der Organisation der Person nicht. Bitte wählen Sie ein anderes Team.`,
  ORGANISATION_NOT_FOUND: $localize`:@@error.ORGANISATION_NOT_FOUND:Diese Organisation gibt es nicht (mehr). Bitte laden Sie die Seite neu und wählen Sie erneut.`,
  ORGANISATION_UNKNOWN: $localize`:@@error.ORGANISATION_UNKNOWN:Sie sind angemeldet, aber Ihre Organisation ist in nahbar noch nicht eingerichtet. Bitte wenden Sie sich an Ihre IT-Stelle.`,
  PROFILE_INCOMPLETE: $localize`:@@error.PROFILE_INCOMPLETE:Ihre Anmeldung teilt nahbar Ihren Namen nicht mit. Bitte wenden Sie sich an Ihre IT-Stelle, damit sie das einrichtet.`,
  DEMO_MODE_OFF: $localize`:@@error.DEMO_MODE_OFF:Der Demo-Modus ist auf diesem Server ausgeschaltet. Bitte laden Sie die Seite neu und melden Sie sich an.`,
  HOLIDAY: $localize`:@@error.HOLIDAY:An diesem Tag ist ein Feiertag. Bitte wählen Sie einen anderen Tag.`,
  CLOSURE: $localize`:@@error.CLOSURE:Das Büro ist an diesem Tag geschlossen. Bitte wählen Sie einen anderen Tag oder ein anderes Büro.`,
  CLOSED_WEEKDAY: $localize`:@@error.CLOSED_WEEKDAY:Das Büro ist an diesem Wochentag nicht geöffnet. Bitte wählen Sie einen anderen Tag.`,
  BEYOND_HORIZON: $localize`:@@error.BEYOND_HORIZON:So weit im Voraus kann in diesem Büro noch nicht gebucht werden. Bitte wählen Sie einen früheren Tag.`,
  OVER_QUOTA: $localize`:@@error.OVER_QUOTA:Sie haben in dieser Woche schon so viele Bürotage gebucht, wie erlaubt sind.`,
  OVER_CAPACITY: $localize`:@@error.OVER_CAPACITY:Das Büro ist zu dieser Zeit voll belegt (Höchstbelegung erreicht). Bitte wählen Sie eine andere Zeit oder ein anderes Büro.`,
  DESK_BLOCKED: $localize`:@@error.DESK_BLOCKED:Dieser Platz ist gesperrt. Bitte wählen Sie einen anderen Platz.`,
  DESKS_AVAILABLE: $localize`:@@error.DESKS_AVAILABLE:Für diese Zeit sind noch Plätze frei. Sie brauchen keine Warteliste: Bitte buchen Sie einen der freien Plätze.`,
  ALREADY_WAITING: $localize`:@@error.ALREADY_WAITING:Sie stehen für diese Zeit in diesem Büro schon auf der Warteliste.`,
  WAITLIST_ENTRY_NOT_FOUND: $localize`:@@error.WAITLIST_ENTRY_NOT_FOUND:Diesen Eintrag auf der Warteliste gibt es nicht mehr. Vielleicht haben Sie schon einen Platz bekommen. Bitte laden Sie die Seite neu.`,
  NO_DATES: $localize`:@@error.NO_DATES:Mit dieser Auswahl gibt es keinen Termin. Bitte wählen Sie mindestens einen Wochentag und mindestens eine Woche.`,
  TOO_MANY_DATES: $localize`:@@error.TOO_MANY_DATES:Das sind zu viele Termine auf einmal. Bitte wählen Sie weniger Wochen oder weniger Wochentage.`,
  NO_BOOKING_TO_CHECK_IN: $localize`:@@error.NO_BOOKING_TO_CHECK_IN:Sie haben heute keine Buchung für diesen Platz, bei der Sie einchecken können. Bitte buchen Sie zuerst einen Platz.`,
  CHECK_IN_NOT_OPEN: $localize`:@@error.CHECK_IN_NOT_OPEN:Das Einchecken ist noch nicht möglich, weil Ihre Buchung noch nicht begonnen hat. Bitte versuchen Sie es kurz vor Beginn Ihrer Buchung noch einmal.`,
  CHECK_IN_CLOSED: $localize`:@@error.CHECK_IN_CLOSED:Die Zeit zum Einchecken ist vorbei. Die Buchung wurde freigegeben, weil niemand rechtzeitig eingecheckt hat. Wenn der Platz noch frei ist, können Sie ihn neu buchen.`,
  PRESENCE_DAY_NOT_FOUND: $localize`:@@error.PRESENCE_DAY_NOT_FOUND:Diesen Teamtag gibt es nicht mehr. Bitte laden Sie die Seite neu.`,
  PRESENCE_DAY_SHORT_OF_DESKS: $localize`:@@error.PRESENCE_DAY_SHORT_OF_DESKS:Im Büro sind an diesem Tag nicht genug Plätze für alle frei. Bitte prüfen Sie die Platzlage und bestätigen Sie, dass Sie trotzdem speichern möchten, oder wählen Sie einen anderen Tag oder ein anderes Büro.`,
  PRESENCE_DAY_EXISTS: $localize`:@@error.PRESENCE_DAY_EXISTS:Ihr Team hat an diesem Tag schon einen Teamtag. Bitte wählen Sie einen anderen Tag.`,
  PRESENCE_DAY_CANCELLED: $localize`:@@error.PRESENCE_DAY_CANCELLED:Dieser Teamtag ist abgesagt und kann nicht mehr geändert oder beantwortet werden.`,
  NOT_A_MEMBER: $localize`:@@error.NOT_A_MEMBER:Sie gehören nicht (mehr) zu diesem Team. Nur Mitglieder können auf Teamtage antworten.`,
  INVALID_POLICY: $localize`:@@error.INVALID_POLICY:Diese Anwesenheitsregel ist nicht gültig. Bitte prüfen Sie die Zahl der Tage und die Wochentage.`,
  INVALID_DATE_RANGE: $localize`:@@error.INVALID_DATE_RANGE:Dieser Zeitraum ist nicht gültig oder zu lang. Bitte wählen Sie einen kürzeren Zeitraum.`,
  TEAM_NAME_TAKEN: $localize`:@@error.TEAM_NAME_TAKEN:Ein Team mit diesem Namen gibt es in Ihrer Organisation schon. Bitte wählen Sie einen anderen Namen.`,
  ALREADY_A_MEMBER: $localize`:@@error.ALREADY_A_MEMBER:Diese Person gehört schon zum Team.`,
  INVALID_NAME: $localize`:@@error.INVALID_NAME:Dieser Name ist nicht gültig. Bitte geben Sie einen Namen ein, der nicht leer und nicht zu lang ist.`,
  INVALID_POSTAL_CODE: $localize`:@@error.INVALID_POSTAL_CODE:Diese Postleitzahl gibt es in Deutschland nicht. Bitte prüfen Sie die fünf Ziffern.`,
  HOME_POSTAL_CODE_MISSING: $localize`:@@error.HOME_POSTAL_CODE_MISSING:Für Büros in Ihrer Nähe brauchen wir Ihre Postleitzahl. Bitte tragen Sie sie in Ihrem Profil ein.`,
  INVALID_RADIUS: $localize`:@@error.INVALID_RADIUS:Dieser Umkreis ist nicht möglich. Bitte wählen Sie einen Umkreis aus der Liste.`,
  INVALID_CLOSURE: $localize`:@@error.INVALID_CLOSURE:Diese Schließung ist nicht möglich. Bitte prüfen Sie Beginn und Ende: frühestens heute, Ende nicht vor Beginn.`,
  CLOSURE_ENDED: $localize`:@@error.CLOSURE_ENDED:Diese Schließung ist schon vorbei und bleibt als Verlauf erhalten.`,
  CLOSURE_NOT_FOUND: $localize`:@@error.CLOSURE_NOT_FOUND:Diese Schließung gibt es nicht mehr. Bitte laden Sie die Seite neu.`,
  INVALID_CAPACITY: $localize`:@@error.INVALID_CAPACITY:Bitte geben Sie die Höchstbelegung als ganze Prozentzahl von 1 bis 100 an – oder leer für keine.`,
  INVALID_REASON: $localize`:@@error.INVALID_REASON:Bitte geben Sie einen Grund an (höchstens 200 Zeichen). Die Betroffenen erfahren ihn.`,
  RATE_LIMITED: $localize`:@@error.RATE_LIMITED:Der Server hat in kurzer Zeit sehr viele Anfragen von Ihnen oder aus Ihrem Netzwerk bekommen. Bitte warten Sie eine Minute und versuchen Sie es dann noch einmal.`,
  TOO_MANY_SUBSCRIPTIONS: $localize`:@@error.TOO_MANY_SUBSCRIPTIONS:Auf dieser Seite laufen zu viele Live-Anzeigen auf einmal. Bitte laden Sie die Seite neu.`,
  TOO_MANY_CONNECTIONS: $localize`:@@error.TOO_MANY_CONNECTIONS:nahbar ist bei Ihnen in sehr vielen Tabs oder Fenstern zugleich geöffnet. Bitte schließen Sie die nicht benötigten; dann kommt die Live-Anzeige wieder.`,
  DATABASE_UNAVAILABLE: $localize`:@@error.DATABASE_UNAVAILABLE:nahbar kann seine Datenbank gerade kurz nicht erreichen. Bitte versuchen Sie es in einem Moment noch einmal.`,
  QUERY_TOO_DEEP: REQUEST_REFUSED,
  TOO_MANY_ALIASES: REQUEST_REFUSED,
  QUERY_TOO_COSTLY: REQUEST_REFUSED,
  TOO_MANY_DIRECTIVES: REQUEST_REFUSED,
  REQUEST_TOO_LARGE: REQUEST_REFUSED,
  QUERY_TOO_LARGE: REQUEST_REFUSED,
  BATCH_NOT_ALLOWED: REQUEST_REFUSED,
  UNSUPPORTED_CONTENT_TYPE: REQUEST_REFUSED,
  NETWORK: $localize`:@@error.NETWORK:Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es noch einmal.`,
  UNKNOWN: $localize`:@@error.UNKNOWN:Das hat leider nicht geklappt. Bitte versuchen Sie es noch einmal. Wenn der Fehler bleibt, wenden Sie sich an Ihre IT-Stelle.`,
};

export function errorMessageForCode(code: ClientErrorCode): string {
  return MESSAGES[code];
}

/** The message for anything a request threw, in the active language: the API's own explanation when it sent one. */
export function errorMessageFor(error: unknown): string {
  if (error instanceof GraphqlRequestError && error.apiMessage) return error.apiMessage;
  return errorMessageForCode(errorCodeOf(error));
}
