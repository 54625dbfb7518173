import { definePermissions } from '../../platform/auth/permissions';

export const journeyPermissions = definePermissions({
  'case.list': ['applicant', 'origin_agency', 'destination_agency', 'employer', 'mvd_office', 'consular_office', 'clinic_staff', 'clinic_head'],
  'case.read': ['applicant', 'origin_agency', 'destination_agency', 'employer', 'mvd_office', 'consular_office', 'clinic_staff', 'clinic_head'],
  'case.act': ['applicant', 'origin_agency', 'employer', 'mvd_office', 'consular_office', 'clinic_head'],
  'case.eligibility.read': ['applicant', 'origin_agency'],
  'case.pre_departure.record': ['origin_agency'],
  'travel_group.manage': ['origin_agency'],
  'case.travel.read': ['applicant', 'origin_agency'],
  'patent.read': ['applicant', 'employer', 'consular_office', 'origin_agency', 'destination_agency'],
  'patent.record': ['applicant', 'employer', 'consular_office'],
  'transfer.request': ['consular_office'],
  'transfer.decide': ['origin_agency', 'destination_agency'],
  'transfer.read': ['consular_office', 'origin_agency', 'destination_agency'],
});
