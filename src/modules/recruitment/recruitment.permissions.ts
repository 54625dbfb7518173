import { definePermissions } from '../../platform/auth/permissions';

export const recruitmentPermissions = definePermissions({
  'candidate_profile.read': ['applicant', 'origin_agency'],
  'candidate_profile.edit': ['applicant', 'origin_agency'],
  'pool.read': ['origin_agency'],
  'match_run.read': ['origin_agency'],
  'match_run.start': ['origin_agency'],
  'match_run.publish': ['origin_agency'],
  'shortlist.read': ['employer', 'origin_agency'],
  'shortlist.decide': ['employer'],
  'offer.read': ['applicant', 'employer', 'origin_agency'],
  'offer.send': ['origin_agency'],
  'offer.answer': ['applicant'],
  'contract.read': ['applicant', 'employer', 'origin_agency'],
  'contract.sign': ['applicant', 'employer'],
  'contract.arrival_check': ['employer'],
  'clearance.read': ['applicant', 'origin_agency'],
});
