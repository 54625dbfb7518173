import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Config } from '../config';
import type { Db } from '../database/database';
import { DomainError } from '../errors';
import { registerMetrics } from './metrics';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem';
import type { RouteDefinition } from './route';
import { registerRoutes } from './register-routes';
import { registerSecurityHeaders } from './security';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export interface ServerOptions {
  readonly config: Config;
  readonly db: Db;
  readonly routes: readonly RouteDefinition[];
  /** Log destination (tests capture it to check that no personal data is logged). */
  readonly logStream?: NodeJS.WritableStream;
  readonly serveWeb?: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Only the route pattern, method, status and ids: never headers, query strings or bodies.
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, route: req.routeOptions?.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: ['req.headers', 'req.body', 'req.query'], remove: true },
    },
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: true,
    bodyLimit: 1_048_576,
    routerOptions: { maxParamLength: 2000 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { route: request.routeOptions.url ?? 'unmatched', method: request.method, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error, request.id, request.routeOptions.url ?? request.url.split('?')[0] ?? '/');
    if (problem.status >= 500) request.log.error({ err: { message: (error as Error).message, stack: (error as Error).stack } }, 'request failed');
    if (problem.status === 429 && typeof problem.retryAfterSeconds === 'number') reply.header('retry-after', String(problem.retryAfterSeconds));
    return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
  });

  await app.register(fastifyCookie);
  registerSecurityHeaders(app, config.publicUrl.startsWith('https:'));
  const metrics = registerMetrics(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Corridor API',
        version: '1.0.0',
        description: 'Organized labour-migration corridor: cases, medical examinations, credentials, screening and recruitment.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'corridor_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: true });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  typed.get('/health', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(options.db);
      return { status: 'ok' };
    } catch {
      return reply
        .code(503)
        .type(PROBLEM_CONTENT_TYPE)
        .send({ type: 'urn:corridor:problem:health.unavailable', title: 'Unavailable', status: 503, code: 'health.unavailable' });
    }
  });
  typed.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(metrics.contentType);
    return metrics.metrics();
  });

  registerRoutes(app, options.db, options.routes);

  const serveWeb = options.serveWeb ?? true;
  const indexHtml = serveWeb && existsSync(`${WEB_DIST}/index.html`) ? readFileSync(`${WEB_DIST}/index.html`, 'utf8') : undefined;
  if (indexHtml) {
    await app.register(fastifyStatic, { root: `${WEB_DIST}/assets`, prefix: '/assets/', maxAge: '365d', immutable: true, decorateReply: false });
    const types: Record<string, string> = {
      'favicon.svg': 'image/svg+xml',
      'manifest.webmanifest': 'application/manifest+json',
      'sw.js': 'text/javascript; charset=utf-8',
    };
    for (const file of Object.keys(types)) {
      if (existsSync(`${WEB_DIST}/${file}`)) {
        const body = readFileSync(`${WEB_DIST}/${file}`);
        // The service worker must be revalidated on every load, or an old one would keep serving old pages.
        app.get(`/${file}`, { schema: { hide: true } }, async (_request, reply) =>
          reply
            .type(types[file] as string)
            .header('cache-control', 'no-cache')
            .send(body),
        );
      }
    }
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (indexHtml && request.method === 'GET' && !path.startsWith('/api/') && !path.startsWith('/assets/')) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    }
    const problem = toProblem(new DomainError('route.not_found'), request.id, path);
    return reply.code(404).type(PROBLEM_CONTENT_TYPE).send(problem);
  });
  return app;
}
