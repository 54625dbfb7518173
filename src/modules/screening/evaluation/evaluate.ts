/** Precision, recall and F1 of a MATCHES file against the true pairs of an evaluation set. */
import { readCsvFile } from '../batch/csv';

export interface Evaluation {
  readonly truePairs: number;
  readonly matches: number;
  readonly reviews: number;
  readonly matchTruePositives: number;
  readonly precisionMatch: number;
  readonly recallMatch: number;
  readonly f1Match: number;
  readonly recallMatchOrReview: number;
  readonly peopleWithAlerts: number;
}

export async function readTruth(path: string): Promise<Set<string>> {
  const truth = new Set<string>();
  let header = true;
  for await (const { fields } of readCsvFile(path)) {
    if (header) {
      header = false;
      continue;
    }
    truth.add(`${fields[0]}|${fields[1]}`);
  }
  return truth;
}

export async function evaluateMatches(matchesPath: string, truth: ReadonlySet<string>): Promise<Evaluation> {
  let matches = 0;
  let reviews = 0;
  let matchTp = 0;
  const found = new Set<string>();
  const alerted = new Set<string>();
  let header = true;
  for await (const { fields } of readCsvFile(matchesPath)) {
    if (header) {
      header = false;
      continue;
    }
    const key = `${fields[0]}|${fields[1]}`;
    alerted.add(fields[0] as string);
    if (fields[3] === 'match') {
      matches += 1;
      if (truth.has(key)) matchTp += 1;
    } else reviews += 1;
    if (truth.has(key)) found.add(key);
  }
  const precision = matches === 0 ? 1 : matchTp / matches;
  const recall = truth.size === 0 ? 1 : matchTp / truth.size;
  return {
    truePairs: truth.size,
    matches,
    reviews,
    matchTruePositives: matchTp,
    precisionMatch: precision,
    recallMatch: recall,
    f1Match: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    recallMatchOrReview: truth.size === 0 ? 1 : found.size / truth.size,
    peopleWithAlerts: alerted.size,
  };
}
