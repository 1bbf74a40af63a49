/** Fast form by default (bounded for `npm test`), full form with FAULTS_FULL=1 (`npm run test:faults`). */
export const FULL = process.env.FAULTS_FULL === '1';

/** fast-check seed: fixed unless FUZZ_SEED is set (a number, or `random`). */
export const FUZZ_SEED: number = (() => {
  const raw = process.env.FUZZ_SEED;
  if (raw === undefined || raw === '') return 20240917;
  if (raw === 'random') return Math.floor(Math.random() * 2 ** 31);
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`FUZZ_SEED doit être un entier ou "random" (reçu « ${raw} »)`);
  return n;
})();

/** Picks the fast or the full value. */
export const scale = <T>(fast: T, full: T): T => (FULL ? full : fast);

/** Per-file timeout (jest's project-level testTimeout is not applied to every runner): generous, the scenarios poll with deadlines of their own. */
export const FILE_TIMEOUT_MS = FULL ? 900_000 : 240_000;
