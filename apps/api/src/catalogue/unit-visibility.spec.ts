import type { AuthUser } from '../tenancy/auth-user';
import type { Role } from '../tenancy/role-assignment.entity';
import { withAncestors } from './org-tree';
import { scopeUnits } from './unit-visibility';

/** ROOT → (NORD → (NORD-A → NORD-A1, NORD-B), SUD) */
const UNITS = [
  { id: 'root', code: 'ROOT', parentId: null },
  { id: 'nord', code: 'NORD', parentId: 'root' },
  { id: 'nord-a', code: 'NORD-A', parentId: 'nord' },
  { id: 'nord-a1', code: 'NORD-A1', parentId: 'nord-a' },
  { id: 'nord-b', code: 'NORD-B', parentId: 'nord' },
  { id: 'sud', code: 'SUD', parentId: 'root' },
];

const userWith = (...roles: [Role, string | null][]): AuthUser => ({
  id: 'u1',
  email: 'u1@test',
  organisationId: 'org',
  roles: roles.map(([role, orgUnitId]) => ({ role, orgUnitId })),
});
const flags = (units: { code: string; inScope: boolean }[]): [string, boolean][] => units.map((u) => [u.code, u.inScope]);

describe(withAncestors.name, () => {
  it('climbs from each unit to the root, once for shared ancestors', () => {
    expect([...withAncestors(UNITS, ['nord-a1', 'nord-b'])].sort()).toEqual(['nord', 'nord-a', 'nord-a1', 'nord-b', 'root']);
  });

  it('skips unknown ids and stops on a cycle in bad data', () => {
    const cyclic = [
      { id: 'b', code: 'B', parentId: 'c' },
      { id: 'c', code: 'C', parentId: 'b' },
    ];
    expect([...withAncestors(cyclic, ['b', 'nope'])].sort()).toEqual(['b', 'c']);
  });
});

describe(scopeUnits.name, () => {
  it('lists every unit in scope for an organisation-wide role, whatever the other roles', () => {
    const sut = scopeUnits(userWith(['viewer', null], ['finance', 'sud']), UNITS);
    expect(flags(sut)).toEqual(UNITS.map((u) => [u.code, true]));
  });

  it('lists the subtree in scope and the chain of ancestors out of scope, not the siblings', () => {
    const sut = scopeUnits(userWith(['finance', 'nord-a']), UNITS);
    expect(flags(sut)).toEqual([
      ['ROOT', false],
      ['NORD', false],
      ['NORD-A', true],
      ['NORD-A1', true],
    ]);
  });

  it('marks a unit in scope when one role covers it even if it is an ancestor of another role’s unit', () => {
    const sut = scopeUnits(userWith(['viewer', 'nord-a'], ['director', 'nord']), UNITS);
    expect(flags(sut)).toEqual([
      ['ROOT', false],
      ['NORD', true],
      ['NORD-A', true],
      ['NORD-A1', true],
      ['NORD-B', true],
    ]);
  });

  it('lists nothing for a member without any role', () => {
    expect(scopeUnits(userWith(), UNITS)).toEqual([]);
  });
});
