import { reservedActionMessage, reservedTo } from './role-names';

describe(reservedActionMessage.name, () => {
  it('names the holders of the roles in French, finance first, whatever the order of the codes', () => {
    expect(reservedActionMessage(['admin', 'finance'])).toBe('Action réservée aux directions financières et aux administrateurs de la méthodologie.');
  });
  it('joins three roles with commas and a final « et »', () => {
    expect(reservedTo(['admin', 'director', 'finance'])).toBe(
      'aux directions financières, aux directions de CCAS et de services et aux administrateurs de la méthodologie',
    );
  });
  it('names a single role without a conjunction', () => {
    expect(reservedTo(['admin'])).toBe('aux administrateurs de la méthodologie');
  });
});
