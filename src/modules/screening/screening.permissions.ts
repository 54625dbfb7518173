import { definePermissions } from '../../platform/auth/permissions';

export const screeningPermissions = definePermissions({
  'screening.review': ['mvd_office'],
  'screening.check': ['mvd_office'],
  'watchlist.manage': ['mvd_office'],
});
