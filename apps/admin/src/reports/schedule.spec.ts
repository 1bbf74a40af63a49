import { cronToSchedule, scheduleText, scheduleToCron } from './schedule';

describe('report schedule', () => {
  it('writes « chaque mois, le 5 à 8 h » as the cron the API stores', () => {
    expect(scheduleToCron({ kind: 'monthly', day: 5, hour: 8 })).toBe('0 8 5 * *');
  });
  it('writes a quarterly schedule on the first month of each quarter', () => {
    expect(scheduleToCron({ kind: 'quarterly', day: 1, hour: 9 })).toBe('0 9 1 1,4,7,10 *');
  });
  it('writes « chaque lundi à 7 h »', () => {
    expect(scheduleToCron({ kind: 'weekly', weekday: 1, hour: 7 })).toBe('0 7 * * 1');
  });
  it('reads back each written schedule', () => {
    for (const c of [
      { kind: 'monthly', day: 5, hour: 8 },
      { kind: 'quarterly', day: 1, hour: 9 },
      { kind: 'weekly', weekday: 0, hour: 18 },
    ] as const) {
      expect(cronToSchedule(scheduleToCron(c))).toEqual(c);
    }
  });
  it('keeps any other expression as a custom one', () => {
    expect(cronToSchedule('*/15 8-18 * * 1-5')).toEqual({ kind: 'custom', cron: '*/15 8-18 * * 1-5' });
    // the 31st does not exist every month: not offered by the picker
    expect(cronToSchedule('0 8 31 * *').kind).toBe('custom');
  });
  it('says the schedule in words', () => {
    const t = (key: string, o?: Record<string, unknown>) => `${key}${o ? JSON.stringify(o) : ''}`;
    expect(scheduleText({ kind: 'weekly', weekday: 1, hour: 7 }, t)).toBe('levier.schedule.text_weekly{"weekday":"levier.schedule.weekdays.1","hour":7}');
  });
});
