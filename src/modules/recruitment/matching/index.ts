/** The matching solver and its companions: pure functions, no I/O. */
export type { MatchCandidate, MatchVacancy, MatchQuota, MatchInstance, MatchPolicy, MatchResult, MatchAssignment, MatchProgress } from './matching.types';
export { DEFAULT_POLICY, fitWeight, fitReasons, fits, type FitReasons } from './weights';
export { solveAssignment, solveAssignmentAsync } from './solver';
export { buildShortlists, type ShortlistEntry } from './shortlists';
export { generateInstance, seededRandom } from './instance-generator';
export { parseCandidatesCsv, parseVacanciesCsv, parseQuotasCsv, formatAssignmentsCsv, CsvError } from './csv';
