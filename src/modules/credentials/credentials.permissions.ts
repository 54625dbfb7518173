import { definePermissions } from '../../platform/auth/permissions';

export const credentialsPermissions = definePermissions({
  'credential.list': ['health_authority'],
  'credential.revoke': ['health_authority'],
  'credential.issuer.list': ['health_authority'],
});
