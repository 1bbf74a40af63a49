import { expectedMetricSlots, periodsWithin, serviceSlots, slotIn, slotOf } from './expected-figures';

describe(periodsWithin.name, () => {
  it('splits a year into the service’s months or quarters', () => {
    expect(periodsWithin('2024', 'month')).toHaveLength(12);
    expect(periodsWithin('2024', 'quarter')).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
  });
  it('splits a quarter into its three months', () => {
    expect(periodsWithin('2024-Q2', 'month')).toEqual(['2024-04', '2024-05', '2024-06']);
  });
  it('expects nothing in a month from a quarterly service', () => {
    expect(periodsWithin('2024-03', 'quarter')).toEqual([]);
    expect(periodsWithin('2024-03', 'month')).toEqual(['2024-03']);
  });
});

describe(expectedMetricSlots.name, () => {
  it('expects spend, one activity measure and each observed outcome', () => {
    expect(expectedMetricSlots(['observed.placement_evite'])).toEqual(['spend', 'person_months|beneficiaries', 'observed.placement_evite']);
    expect(slotOf('beneficiaries')).toBe(slotOf('person_months'));
    expect(slotOf('hours')).toBe('hours');
  });
});

describe(serviceSlots.name, () => {
  it('uses the configured metrics one slot each, or the default when nothing is configured', () => {
    expect(serviceSlots(['spend', 'meals'], ['observed.placement_evite'])).toEqual(['spend', 'meals']);
    expect(serviceSlots(undefined, [])).toEqual(['spend', 'person_months|beneficiaries']);
    expect(serviceSlots([], [])).toEqual(['spend', 'person_months|beneficiaries']);
  });
});

describe(slotIn.name, () => {
  it('finds the slot an entered metric fills, or null when the service does not expect it', () => {
    const slots = ['spend', 'person_months|beneficiaries'];
    expect(slotIn(slots, 'beneficiaries')).toBe('person_months|beneficiaries');
    expect(slotIn(slots, 'spend')).toBe('spend');
    expect(slotIn(slots, 'meals')).toBeNull();
  });
});
