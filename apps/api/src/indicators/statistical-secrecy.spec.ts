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

describe(seesSmallNumbers.name, () => {
  it.each<Role>(['admin', 'finance', 'director'])('lets %s read small numbers', (role) => {
    expect(seesSmallNumbers(userWith(role))).toBe(true);
  });
  it('masks them for a viewer, and for an account without a role', () => {
    expect(seesSmallNumbers(userWith('viewer'))).toBe(false);
    expect(seesSmallNumbers(userWith())).toBe(false);
  });
  it('lets a viewer who is also director somewhere read them (any role counts, as for the savings)', () => {
    expect(seesSmallNumbers(userWith('viewer', 'director'))).toBe(true);
  });
});

describe(masksSmallNumbers.name, () => {
  const peakOf = (value: Decimal | null) => {
    const peak = jest.fn(async () => value);
    return peak;
  };

  it('masks a viewer on a scope of 3 beneficiaries', async () => {
    await expect(masksSmallNumbers(userWith('viewer'), peakOf(d('3')))).resolves.toBe(true);
  });
  it('does not mask a viewer on a scope of 5 beneficiaries or more', async () => {
    await expect(masksSmallNumbers(userWith('viewer'), peakOf(d('5')))).resolves.toBe(false);
  });
  it('does not read the beneficiaries for a director', async () => {
    const peak = peakOf(d('3'));
    await expect(masksSmallNumbers(userWith('director'), peak)).resolves.toBe(false);
    expect(peak).not.toHaveBeenCalled();
  });
});
