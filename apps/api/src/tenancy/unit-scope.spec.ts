import type { AuthUser } from './auth-user';
import type { Role } from './role-assignment.entity';
import { isOrganisationWide, unitIdsWithRole, visibleUnitIds } from './unit-scope';

/** ROOT → (NORD → (NORD-A, NORD-B), SUD) */
const UNITS = [
  { id: 'root', code: 'ROOT', parentId: null },
  { id: 'nord', code: 'NORD', parentId: 'root' },
  { id: 'nord-a', code: 'NORD-A', parentId: 'nord' },
  { id: 'nord-b', code: 'NORD-B', parentId: 'nord' },
  { id: 'sud', code: 'SUD', parentId: 'root' },
];
const ALL = ['root', 'nord', 'nord-a', 'nord-b', 'sud'];

const userWith = (...roles: [Role, string | null][]): AuthUser => ({
  id: 'u1',
  email: 'u1@test',
  organisationId: 'org',
  roles: roles.map(([role, orgUnitId]) => ({ role, orgUnitId })),
});
const sorted = (ids: Set<string>): string[] => [...ids].sort();

describe(unitIdsWithRole.name, () => {
  it('gives every unit for an organisation-wide assignment of one of the roles', () => {
    const sut = unitIdsWithRole(userWith(['finance', null]), UNITS, ['finance', 'admin']);
    expect(sorted(sut)).toEqual([...ALL].sort());
  });

  it('gives the subtree of a unit assignment: the unit and its descendants, not its parent nor siblings', () => {
    const sut = unitIdsWithRole(userWith(['finance', 'nord']), UNITS, ['finance', 'admin']);
    expect(sorted(sut)).toEqual(['nord', 'nord-a', 'nord-b']);
  });

  it('unions the subtrees of several matching assignments', () => {
    const sut = unitIdsWithRole(userWith(['finance', 'nord-a'], ['admin', 'sud']), UNITS, ['finance', 'admin']);
    expect(sorted(sut)).toEqual(['nord-a', 'sud']);
  });

  it('ignores assignments of other roles, even organisation-wide ones', () => {
    const sut = unitIdsWithRole(userWith(['viewer', null], ['finance', 'sud']), UNITS, ['finance', 'admin']);
    expect(sorted(sut)).toEqual(['sud']);
  });

  it('gives nothing when the user holds none of the roles', () => {
    expect(unitIdsWithRole(userWith(['director', null]), UNITS, ['finance']).size).toBe(0);
  });

  it('gives nothing for an assignment on a unit absent from the tree (another organisation’s)', () => {
    expect(unitIdsWithRole(userWith(['finance', 'elsewhere']), UNITS, ['finance']).size).toBe(0);
  });
});

describe(visibleUnitIds.name, () => {
  it('counts every role: an organisation-wide viewer sees all, whatever their subtree roles', () => {
    expect(sorted(visibleUnitIds(userWith(['viewer', null], ['finance', 'sud']), UNITS))).toEqual([...ALL].sort());
    expect(sorted(visibleUnitIds(userWith(['finance', 'nord-b']), UNITS))).toEqual(['nord-b']);
  });
});

describe(isOrganisationWide.name, () => {
  it('is true when any role covers the whole organisation', () => {
    expect(isOrganisationWide(userWith(['viewer', null], ['finance', 'sud']))).toBe(true);
    expect(isOrganisationWide(userWith(['finance', 'nord'], ['admin', 'sud']))).toBe(false);
  });
});
