import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ActionContext } from '../audit/audit';
import type { Principal } from '../auth/roles';

/** `public` routes need no account (health, verifier material, sign-in); every other route names a permission. */
export type RoutePermission = 'public' | (string & {});

type AnyZod = z.ZodType;
type Infer<S> = S extends AnyZod ? z.output<S> : undefined;

export interface RouteSchema {
  readonly params?: AnyZod;
  readonly querystring?: AnyZod;
  readonly body?: AnyZod;
  readonly response?: Readonly<Record<number, AnyZod>>;
}

export interface RouteInput<S extends RouteSchema, P extends RoutePermission> {
  readonly params: Infer<S['params']>;
  readonly query: Infer<S['querystring']>;
  readonly body: Infer<S['body']>;
  /** Present on every non-public route; the HTTP layer has already checked the permission. */
  readonly principal: P extends 'public' ? Principal | undefined : Principal;
  readonly context: ActionContext;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
}

export interface RouteDefinition<S extends RouteSchema = RouteSchema, P extends RoutePermission = RoutePermission> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly permission: P;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly schema: S;
  /** Content type of a non-JSON answer (PDF, PNG, text); the handler then returns a Buffer or string. */
  readonly produces?: string;
  /** Per-route body limit in bytes (uploads). */
  readonly bodyLimit?: number;
  readonly handler: (input: RouteInput<S, P>) => Promise<unknown>;
}

/** Identity function that keeps the handler's input typed from its schema and permission. */
export function defineRoute<S extends RouteSchema, P extends RoutePermission>(route: RouteDefinition<S, P>): RouteDefinition {
  return route as unknown as RouteDefinition;
}
