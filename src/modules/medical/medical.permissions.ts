import { definePermissions } from '../../platform/auth/permissions';

/** Medical results are read only by the health roles (DESIGN.md section 5). */
export const medicalPermissions = definePermissions({
  'medical.clinic.list': ['health_authority', 'clinic_staff', 'clinic_head'],
  'medical.clinic.manage': ['health_authority'],
  'medical.procedure.read': ['health_authority', 'clinic_staff', 'clinic_head'],
  'medical.procedure.manage': ['health_authority'],
  'medical.appointment.own': ['applicant'],
  'medical.day_list.read': ['clinic_staff', 'clinic_head'],
  'medical.exam.read': ['clinic_staff', 'clinic_head', 'health_authority'],
  'medical.exam.record': ['clinic_staff'],
  'medical.exam.sign_off': ['clinic_head'],
  'medical.stats.read': ['health_authority'],
  'medical.certificate.read': ['applicant', 'clinic_staff', 'clinic_head', 'health_authority'],
  'medical.certificate.reissue': ['health_authority'],
});
