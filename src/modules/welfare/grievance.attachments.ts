import { createHash } from 'node:crypto';
import { DomainError } from '../../platform/errors';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export interface CheckedAttachment {
  readonly fileName: string;
  readonly contentType: 'image/jpeg' | 'image/png' | 'application/pdf';
  readonly content: Buffer;
  readonly sha256: string;
}

/** The type comes from the file's own signature, never from what the client claims. */
function sniff(content: Buffer): CheckedAttachment['contentType'] | undefined {
  if (content.length >= 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  if (content.length >= 8 && content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (content.length >= 5 && content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return undefined;
}

export function checkAttachment(upload: { fileName: string; dataBase64: string }, index: number): CheckedAttachment {
  const path = `attachments.${index}`;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(upload.dataBase64))
    throw new DomainError('grievance.invalid', { fields: [{ path: `${path}.dataBase64`, code: 'not_base64', message: 'not base64' }] });
  const content = Buffer.from(upload.dataBase64, 'base64');
  if (content.length === 0 || content.length > MAX_ATTACHMENT_BYTES) {
    throw new DomainError('grievance.invalid', { fields: [{ path, code: 'size', message: 'a file must be between 1 byte and 5 MiB' }] });
  }
  const contentType = sniff(content);
  if (!contentType) throw new DomainError('grievance.invalid', { fields: [{ path, code: 'type', message: 'only JPEG, PNG or PDF files are accepted' }] });
  const fileName = upload.fileName.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 200);
  return { fileName, contentType, content, sha256: createHash('sha256').update(content).digest('hex') };
}
