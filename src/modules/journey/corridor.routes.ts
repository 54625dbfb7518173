import { z } from 'zod';
import type { Db } from '../../platform/database/database';
import { defineRoute, type RouteDefinition } from '../../platform/http/route';
import { Corridor } from './corridor.schema';
import { listCorridors } from './corridor.service';

export function corridorRoutes(db: Db): RouteDefinition[] {
  return [
    defineRoute({
      method: 'GET',
      url: '/api/corridors',
      permission: 'public',
      summary: 'Corridors with their languages and rule sets (public: the rules are law)',
      tags: ['corridors'],
      schema: { response: { 200: z.object({ items: z.array(Corridor) }) } },
      handler: async () => ({ items: (await listCorridors(db)) as Corridor[] }),
    }),
  ];
}
