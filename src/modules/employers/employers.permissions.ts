import { definePermissions } from '../../platform/auth/permissions';

export const employersPermissions = definePermissions({
  'reference.read': [
    'applicant',
    'origin_agency',
    'destination_agency',
    'employer',
    'mvd_office',
    'consular_office',
    'clinic_staff',
    'clinic_head',
    'health_authority',
    'admin',
    'auditor',
  ],
  'employer.register': ['employer'],
  'employer.read': ['employer', 'destination_agency', 'origin_agency'],
  'employer.verify': ['destination_agency'],
  'employer.directory': ['consular_office', 'origin_agency', 'destination_agency'],
  'sector_ban.read': ['destination_agency', 'origin_agency', 'employer'],
  'sector_ban.edit': ['destination_agency'],
  'quota.read': ['destination_agency', 'origin_agency'],
  'quota.edit': ['destination_agency'],
  'labour_request.submit': ['employer'],
  'labour_request.read': ['employer', 'destination_agency', 'origin_agency'],
  'labour_request.decide': ['destination_agency'],
});
