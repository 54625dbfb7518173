import { definePermissions } from '../../platform/auth/permissions';

export const peoplePermissions = definePermissions({
  'person.read': ['origin_agency', 'mvd_office'],
  'person.correct_name': ['origin_agency', 'mvd_office'],
  'person.duplicates': ['origin_agency'],
});
