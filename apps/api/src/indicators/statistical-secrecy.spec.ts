import { d, Decimal } from '@levier/indicators';
import type { AuthUser } from '../tenancy/auth-user';
import type { Role } from '../tenancy/role-assignment.entity';
import { isSmallNumber, masksSmallNumbers, seesSmallNumbers, SMALL_NUMBER_THRESHOLD } from './statistical-secrecy';

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

describe(masksSmallNumbers.name, () => {
  const peakOf = (value: Decimal | null) => {
    const peak = jest.fn(async () => value);
    return peak;
  };

  it('masks a viewer on a scope of 3 beneficiaries', async () => {
    await expect(masksSmallNumbers(userWith('viewer'), 'sud', unitsLoader(), peakOf(d('3')))).resolves.toBe(true);
  });
  it('does not mask a viewer on a scope of 5 beneficiaries or more', async () => {
    await expect(masksSmallNumbers(userWith('viewer'), 'sud', unitsLoader(), peakOf(d('5')))).resolves.toBe(false);
  });
  it('does not read the beneficiaries for a director', async () => {
    const peak = peakOf(d('3'));
    await expect(masksSmallNumbers(userWith('director'), 'sud', unitsLoader(), peak)).resolves.toBe(false);
    expect(peak).not.toHaveBeenCalled();
  });
  it('masks another antenna for a director of one antenna', async () => {
    const user = { roles: [on('viewer', null), on('director', 'nord')] };
    await expect(masksSmallNumbers(user, 'sud', unitsLoader(), peakOf(d('3')))).resolves.toBe(true);
    await expect(masksSmallNumbers(user, 'nord', unitsLoader(), peakOf(d('3')))).resolves.toBe(false);
  });
});
