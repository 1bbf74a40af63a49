import { d } from '@levier/indicators';
import type { AuthUser } from '../../tenancy/auth-user';
import type { Role } from '../../tenancy/role-assignment.entity';
import { complementaryMask, isSmallNumber, seesSmallNumbers, SMALL_NUMBER_THRESHOLD } from './statistical-secrecy';

const userWith = (...roles: Role[]): AuthUser => ({
  id: 'u1',
  email: 'u1@exemple.test',
  organisationId: 'o1',
  roles: roles.map((role) => ({ role, orgUnitId: null })),
});

describe(isSmallNumber.name, () => {
  it('masks under 5 beneficiaries and not from 5 on', () => {
    expect(SMALL_NUMBER_THRESHOLD).toBe(5);
    expect(isSmallNumber(d('4.99'))).toBe(true);
    expect(isSmallNumber(d('0'))).toBe(true);
    expect(isSmallNumber(d('5'))).toBe(false);
    expect(isSmallNumber(d('1200'))).toBe(false);
  });
  it('does not mask when the count is unknown', () => {
    expect(isSmallNumber(null)).toBe(false);
  });
});

/** VALMONT ─┬─ NORD, └─ SUD */
const TREE = [
  { id: 'valmont', code: 'VALMONT', parentId: null },
  { id: 'nord', code: 'VALMONT-NORD', parentId: 'valmont' },
  { id: 'sud', code: 'VALMONT-SUD', parentId: 'valmont' },
];
const unitsLoader = () => jest.fn(async () => TREE);
const on = (role: Role, orgUnitId: string | null) => ({ role, orgUnitId });

describe(seesSmallNumbers.name, () => {
  it.each<Role>(['admin', 'finance', 'director'])('lets %s of the organisation read small numbers, without loading the tree', async (role) => {
    const units = unitsLoader();
    await expect(seesSmallNumbers(userWith(role), 'sud', units)).resolves.toBe(true);
    expect(units).not.toHaveBeenCalled();
  });
  it('masks them for a viewer, and for an account without a role', async () => {
    await expect(seesSmallNumbers(userWith('viewer'), 'sud', unitsLoader())).resolves.toBe(false);
    await expect(seesSmallNumbers(userWith(), 'sud', unitsLoader())).resolves.toBe(false);
  });
  it('lets a director of one antenna read that antenna’s small numbers, not another’s nor the whole organisation’s', async () => {
    const user = { roles: [on('viewer', null), on('director', 'nord')] };
    await expect(seesSmallNumbers(user, 'nord', unitsLoader())).resolves.toBe(true);
    await expect(seesSmallNumbers(user, 'sud', unitsLoader())).resolves.toBe(false);
    await expect(seesSmallNumbers(user, 'valmont', unitsLoader())).resolves.toBe(false);
    await expect(seesSmallNumbers({ roles: [on('finance', 'valmont')] }, 'sud', unitsLoader())).resolves.toBe(true);
  });
});

describe(complementaryMask.name, () => {
  /** VALMONT ─┬─ NORD ─┬─ N1, N2 ; SUD ; MINI */
  const tree = [
    ...TREE,
    { id: 'mini', code: 'VALMONT-MINI', parentId: 'valmont' },
    { id: 'n1', code: 'N1', parentId: 'nord' },
    { id: 'n2', code: 'N2', parentId: 'nord' },
  ];
  const all = ['valmont', 'nord', 'sud', 'mini', 'n1', 'n2'];
  const sut = (seen: string[], small: string[], active = all) =>
    [...complementaryMask({ units: tree, seen: new Set(seen), activity: { active: new Set(active), small: new Set(small) } })].sort();

  it('masks nothing without a small unit', () => {
    expect(sut([], [])).toEqual([]);
  });
  it('masks a small leaf with all its unseen siblings and their subtrees, not the parent (VALMONT − others = a sum of masked ones)', () => {
    expect(sut([], ['mini'])).toEqual(['mini', 'n1', 'n2', 'nord', 'sud']);
  });
  it('masks the small leaf’s siblings under its own parent only (N1 small: N2 masked, NORD and its siblings readable)', () => {
    expect(sut([], ['n1'])).toEqual(['n1', 'n2']);
  });
  it('masks the parent, and protects it in turn, when the small unit is the only masked sibling holding data', () => {
    // N2 holds no row over the dates: NORD − N2 would be N1, so NORD is masked, and with it SUD and MINI
    expect(sut([], ['n1'], ['valmont', 'nord', 'sud', 'mini', 'n1'])).toEqual(['mini', 'n1', 'n2', 'nord', 'sud']);
  });
  it('never masks what the reader reads by right, and masks the parent when the other siblings are all read by right', () => {
    // director of NORD: NORD readable, SUD masked beside MINI
    expect(sut(['nord', 'n1', 'n2'], ['mini'])).toEqual(['mini', 'sud']);
    // director of NORD and SUD: MINI alone among unseen siblings, VALMONT masked (it is the root: nothing above)
    expect(sut(['nord', 'n1', 'n2', 'sud'], ['mini'])).toEqual(['mini', 'valmont']);
  });
});
