import { DomainError } from '../common/domain-error.js';

export const PlacesErrorCode = {
  OfficeNotFound: 'OFFICE_NOT_FOUND',
  DeskNotFound: 'DESK_NOT_FOUND',
} as const;

export class OfficeNotFoundError extends DomainError {
  constructor() {
    super(PlacesErrorCode.OfficeNotFound, 'There is no such office. Choose an office from the list.');
  }
}

export class DeskNotFoundError extends DomainError {
  constructor() {
    super(PlacesErrorCode.DeskNotFound, 'There is no such desk. Choose a desk from the office plan.');
  }
}
