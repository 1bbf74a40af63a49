import { CronExpressionParser } from 'cron-parser';

export const REPORT_TIMEZONE = 'Europe/Paris';
/** Monthly, on the 1st at 08:00 Paris time. */
export const DEFAULT_REPORT_SCHEDULE = '0 8 1 * *';

/** Why a cron expression is refused (French), or null when it is valid. Five fields (minute precision) or six (seconds). */
export const cronProblem = (expression: string): string | null => {
  const fields = expression.trim().split(/\s+/);
  if (fields.length < 5 || fields.length > 6)
    return `planification « ${expression} » : une expression cron a 5 champs (minute heure jour mois jour-de-semaine), par exemple « 0 8 1 * * »`;
  try {
    CronExpressionParser.parse(expression, { tz: REPORT_TIMEZONE, strict: false });
    return null;
  } catch (err) {
    return `planification « ${expression} » invalide : ${err instanceof Error ? err.message : String(err)}`;
  }
};

/**
 * The latest occurrence of `expression` (Europe/Paris) in `(since, now]`, or null when none is due.
 * A subscription never dispatched counts from its creation: a new subscription does not fire for occurrences before it existed.
 */
export const dueOccurrence = ({ expression, since, now }: { expression: string; since: Date; now: Date }): Date | null => {
  const previous = CronExpressionParser.parse(expression, { tz: REPORT_TIMEZONE, currentDate: new Date(now.getTime() + 1) })
    .prev()
    .toDate();
  return previous.getTime() > since.getTime() && previous.getTime() <= now.getTime() ? previous : null;
};
