import { definePermissions } from '../../platform/auth/permissions';

/** Medical results are read only by the health roles (DESIGN.md section 5). */
export const medicalPermissions = definePermissions({
  'clinic.list': ['health_authority', 'clinic_staff', 'clinic_head'],
  'clinic.manage': ['health_authority'],
  'procedure.read': ['health_authority', 'clinic_staff', 'clinic_head'],
  'procedure.manage': ['health_authority'],
  'appointment.own': ['applicant'],
  'appointment.day_list': ['clinic_staff', 'clinic_head'],
  'exam.read': ['clinic_staff', 'clinic_head', 'health_authority'],
  'exam.record': ['clinic_staff'],
  'exam.sign_off': ['clinic_head'],
  'clinic.stats': ['health_authority'],
  'certificate.read': ['applicant', 'clinic_staff', 'clinic_head', 'health_authority'],
  'certificate.reissue': ['health_authority'],
});
