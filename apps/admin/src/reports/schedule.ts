/**
 * The report schedule in words (issue 14, item 4): « chaque mois, le 5 à 8 h », « chaque trimestre », « chaque lundi »
 * written to the cron expression the API stores (Europe/Paris), and read back from it. Any other expression stays
 * « autre (expression cron) », edited as text.
 */
export type ScheduleChoice =
  | { kind: 'monthly'; day: number; hour: number }
  | { kind: 'quarterly'; day: number; hour: number }
  | { kind: 'weekly'; weekday: number; hour: number }
  | { kind: 'custom'; cron: string };

const int = (s: string, min: number, max: number): number | null => (/^\d{1,2}$/.test(s) && Number(s) >= min && Number(s) <= max ? Number(s) : null);

export const scheduleToCron = (c: ScheduleChoice): string => {
  switch (c.kind) {
    case 'monthly':
      return `0 ${c.hour} ${c.day} * *`;
    case 'quarterly':
      return `0 ${c.hour} ${c.day} 1,4,7,10 *`;
    case 'weekly':
      return `0 ${c.hour} * * ${c.weekday}`;
    case 'custom':
      return c.cron.trim();
  }
};

export const cronToSchedule = (cron: string): ScheduleChoice => {
  const parts = cron.trim().split(/\s+/);
  if (parts.length === 5 && parts[0] === '0') {
    const [, h, dom, month, dow] = parts;
    const hour = int(h, 0, 23);
    if (hour !== null) {
      const day = int(dom, 1, 28);
      if (day !== null && month === '*' && dow === '*') return { kind: 'monthly', day, hour };
      if (day !== null && month === '1,4,7,10' && dow === '*') return { kind: 'quarterly', day, hour };
      const weekday = int(dow, 0, 6);
      if (weekday !== null && dom === '*' && month === '*') return { kind: 'weekly', weekday, hour };
    }
  }
  return { kind: 'custom', cron };
};

/** The choice in words through the app's messages: « chaque mois, le 5 à 8 h ». */
export const scheduleText = (c: ScheduleChoice, translate: (key: string, options?: Record<string, unknown>) => string): string => {
  const day = (d: number) => (d === 1 ? translate('levier.schedule.first_day') : String(d));
  switch (c.kind) {
    case 'monthly':
      return translate('levier.schedule.text_monthly', { day: day(c.day), hour: c.hour });
    case 'quarterly':
      return translate('levier.schedule.text_quarterly', { day: day(c.day), hour: c.hour });
    case 'weekly':
      return translate('levier.schedule.text_weekly', { weekday: translate(`levier.schedule.weekdays.${c.weekday}`), hour: c.hour });
    case 'custom':
      return translate('levier.schedule.text_custom', { cron: c.cron });
  }
};
