import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * Versioned reference lists shipped in `reference/recruitment/`: ISCO-08 occupations, Russian regions
 * (ISO 3166-2:RU), minimum wages, and the baseline of regional sector bans. Read once, validated with zod.
 */
const Occupation = z.object({
  code: z.string().regex(/^\d{4}$/),
  skillLevel: z.number().int().min(1).max(4),
  en: z.string(),
  ru: z.string().optional(),
  tg: z.string().optional(),
});
const Region = z.object({ code: z.string().regex(/^RU-[A-Z]{2,3}$/), en: z.string(), ru: z.string() });
const Wages = z.object({
  version: z.string(),
  federal: z.array(z.object({ from: z.iso.date(), rub: z.number().int().positive() })).min(1),
  regional: z.array(z.object({ region: z.string(), from: z.iso.date(), rub: z.number().int().positive() })),
});
const Sector = z.object({ code: z.string().regex(/^\d{2}(\.\d{1,2})*$/), en: z.string(), ru: z.string(), tg: z.string() });
const Bans = z.object({ version: z.string(), sectors: z.array(Sector), bans: z.array(z.object({ region: z.string(), sectors: z.array(z.string()) })) });

export type Occupation = z.infer<typeof Occupation>;
export type Region = z.infer<typeof Region>;
export type Sector = z.infer<typeof Sector>;

function load<T>(file: string, schema: z.ZodType<T>): T {
  const path = fileURLToPath(new URL(`../../../reference/recruitment/${file}`, import.meta.url));
  return schema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

interface ReferenceData {
  readonly occupations: ReadonlyMap<string, Occupation>;
  readonly occupationsVersion: string;
  readonly regions: ReadonlyMap<string, Region>;
  readonly regionsVersion: string;
  readonly wages: z.infer<typeof Wages>;
  readonly sectors: ReadonlyMap<string, Sector>;
  readonly baselineBans: ReadonlySet<string>;
  readonly bansVersion: string;
}

let cached: ReferenceData | undefined;

export function reference(): ReferenceData {
  if (cached) return cached;
  const isco = load('isco-08.json', z.object({ version: z.string(), occupations: z.array(Occupation) }));
  const regions = load('ru-regions.json', z.object({ version: z.string(), regions: z.array(Region) }));
  const bans = load('ru-sector-bans.json', Bans);
  cached = {
    occupations: new Map(isco.occupations.map((o) => [o.code, o])),
    occupationsVersion: isco.version,
    regions: new Map(regions.regions.map((r) => [r.code, r])),
    regionsVersion: regions.version,
    wages: load('ru-minimum-wages.json', Wages),
    sectors: new Map(bans.sectors.map((s) => [s.code, s])),
    baselineBans: new Set(bans.bans.flatMap((b) => b.sectors.map((s) => banKey(b.region, s)))),
    bansVersion: bans.version,
  };
  return cached;
}

export function banKey(region: string, sector: string): string {
  return `${region}|${sector}`;
}

export function isOccupation(code: string): boolean {
  return reference().occupations.has(code);
}

export function isRegion(code: string): boolean {
  return reference().regions.has(code);
}

export function isSector(code: string): boolean {
  return reference().sectors.has(code);
}

/** The monthly minimum wage of a region on a date: the larger of the federal MROT and the regional agreement. */
export function minimumWage(region: string, on: string): number {
  const { wages } = reference();
  const inForce = <T extends { from: string }>(rows: readonly T[]) => rows.filter((r) => r.from <= on).sort((a, b) => (a.from < b.from ? 1 : -1))[0];
  const federal = inForce(wages.federal) ?? wages.federal[0];
  const regional = inForce(wages.regional.filter((r) => r.region === region));
  return Math.max(federal?.rub ?? 0, regional?.rub ?? 0);
}

/** The minimum for a part-time month, pro rata of a 40-hour week, rounded up to the rouble. */
export function minimumWageFor(region: string, on: string, hoursPerWeek: number): number {
  return Math.ceil((minimumWage(region, on) * Math.min(hoursPerWeek, 40)) / 40);
}
