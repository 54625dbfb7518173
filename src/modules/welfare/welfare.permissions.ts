import { definePermissions } from '../../platform/auth/permissions';

export const welfarePermissions = definePermissions({
  'grievance.file': ['applicant'],
  'grievance.read': ['applicant', 'consular_office', 'origin_agency', 'employer'],
  'grievance.message': ['applicant', 'consular_office', 'origin_agency', 'employer'],
  'grievance.act': ['applicant', 'consular_office'],
  'grievance.statistics': ['consular_office', 'origin_agency', 'destination_agency'],
  'notification.read_own': ['applicant'],
});
