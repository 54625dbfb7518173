import { z } from 'zod';
import type { Db } from '../../platform/database/database';
import { defineRoute, type RouteDefinition } from '../../platform/http/route';
import type { KeyVault } from '../credentials';
import { certificatePdf, certificateQr, reissueCertificate } from './certificate.service';

const IdParams = z.object({ id: z.uuid() });

/** Certificate documents (PDF, QR) and the health authority's re-issue. */
export function clinicAdminRoutes(db: Db, vault: KeyVault): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/medical/certificates/:id/pdf',
      permission: 'certificate.read',
      summary: 'The printable certificate (A4 PDF, Russian and Tajik, with the QR code)',
      tags: ['medical'],
      produces: 'application/pdf',
      schema: { params: IdParams },
      handler: async ({ params, principal, reply }) => {
        const pdf = await certificatePdf(db, principal, params.id);
        reply.header('content-disposition', `attachment; filename="medical-certificate-${params.id.slice(0, 8)}.pdf"`);
        return pdf;
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/medical/certificates/:id/qr.png',
      permission: 'certificate.read',
      summary: "The certificate's QR code as a PNG image",
      tags: ['medical'],
      produces: 'image/png',
      schema: { params: IdParams },
      handler: ({ params, principal }) => certificateQr(db, principal, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/medical/certificates/:id/reissue',
      permission: 'certificate.reissue',
      summary: 'Re-issue a certificate (health authority): the old one is revoked as superseded',
      tags: ['medical'],
      schema: { params: IdParams, response: { 200: z.object({ id: z.uuid() }) } },
      handler: ({ params, context }) => reissueCertificate(db, context, vault, params.id),
    }),
  ];
}
