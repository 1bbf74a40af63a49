import { Decimal, ZERO } from '../money/decimal';

/** Net events keyed by outcome code (vectors README 2.6): the same code in two services is the same kind of event. */
export type EventsByOutcome = Readonly<Record<string, Decimal>>;

/** Σ by outcome code (keys of both kept, left first; an outcome with 0 events stays, as 0). */
export const addEventsByOutcome = (left: EventsByOutcome, right: EventsByOutcome): Record<string, Decimal> => {
  const result: Record<string, Decimal> = { ...left };
  for (const [code, events] of Object.entries(right)) result[code] = (result[code] ?? ZERO).plus(events);
  return result;
};

/**
 * Conventions 2 (vectors README 2.6): unlike events are not added. The aggregate's eventsNet is its Σ events when
 * `eventsByOutcome` holds at most one kind of event, null when it holds more than one.
 */
export const comparableEventsNet = ({ eventsNet, eventsByOutcome }: { eventsNet: Decimal; eventsByOutcome: EventsByOutcome }): Decimal | null =>
  Object.keys(eventsByOutcome).length > 1 ? null : eventsNet;
