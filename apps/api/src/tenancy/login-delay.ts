/** Failed logins on one address before any wait. */
export const FREE_LOGIN_FAILURES = 5;
/** The longest wait between two attempts on one address, in seconds. */
export const MAX_LOGIN_DELAY_SECONDS = 60;
/** Failures older than this are forgotten: the count starts again. */
export const LOGIN_FAILURE_MEMORY_MINUTES = 15;

/**
 * Seconds to wait after the `failures`-th failure in a row on one address: none for the first 4, then 1 s after the
 * 5th, 2 s, 4 s, … doubling, capped at 60 s. A delay, never a lock: the right password works once the wait is over.
 */
export const loginDelaySeconds = (failures: number): number =>
  failures < FREE_LOGIN_FAILURES ? 0 : Math.min(MAX_LOGIN_DELAY_SECONDS, 2 ** Math.min(failures - FREE_LOGIN_FAILURES, 10));
