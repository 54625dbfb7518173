import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, httpStatusFor, type FieldError } from '../errors';

/** RFC 9457 problem details, with Corridor's extension members `code`, `errors` and any from the DomainError. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly code: string;
  readonly requestId: string;
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Titles in English; the client shows the localized message of `errors.<code>` from its catalog. */
export function titleFor(code: string): string {
  const tail = code.split('.').pop() ?? code;
  return tail.charAt(0).toUpperCase() + tail.slice(1).replace(/_/g, ' ');
}

function zodIssuesToFields(error: FastifyError): FieldError[] {
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  const issues = (error as unknown as { validation: Array<{ instancePath?: string; keyword?: string; message?: string }> }).validation;
  return issues.map((v) => {
    const path = (v.instancePath ?? '').split('/').filter(Boolean);
    return { path: [context, ...path].join('.'), code: v.keyword ?? 'invalid', message: v.message ?? 'invalid value' };
  });
}

/** Map anything thrown on a request to a problem document. Unknown errors are 500 with no detail. */
export function toProblem(error: unknown, requestId: string, instance: string): Problem {
  if (error instanceof DomainError) {
    const status = httpStatusFor(error.code);
    return {
      ...error.extensions,
      type: `urn:corridor:problem:${error.code}`,
      title: titleFor(error.code),
      status,
      ...(error.message !== error.code ? { detail: error.message } : {}),
      instance,
      code: error.code,
      requestId,
      ...(error.fields.length ? { errors: error.fields } : {}),
    };
  }
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    return {
      type: 'urn:corridor:problem:request.invalid',
      title: 'Invalid request',
      status: 422,
      instance,
      code: 'request.invalid',
      requestId,
      errors: zodIssuesToFields(fastifyError),
    };
  }
  const known = mapFrameworkError(fastifyError);
  if (known)
    return {
      type: `urn:corridor:problem:${known.code}`,
      title: titleFor(known.code),
      status: known.status,
      detail: known.detail,
      instance,
      code: known.code,
      requestId,
    };
  return { type: 'urn:corridor:problem:server.error', title: 'Internal error', status: 500, instance, code: 'server.error', requestId };
}

function mapFrameworkError(error: FastifyError): { code: string; status: number; detail: string } | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { code: 'request.malformed', status: 400, detail: 'the body is not valid JSON' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { code: 'request.unsupported_media_type', status: 415, detail: 'unsupported content type' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'request.too_large', status: 413, detail: 'the body is too large' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { code: 'request.malformed', status: 400, detail: 'content length does not match the body' };
    default:
      if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
        return { code: 'request.malformed', status: error.statusCode, detail: 'the request could not be read' };
      }
      return undefined;
  }
}
