import { FREE_LOGIN_FAILURES, loginDelaySeconds, MAX_LOGIN_DELAY_SECONDS } from './login-delay';

describe(loginDelaySeconds.name, () => {
  it('lets the first 4 failures go without a wait', () => {
    expect([0, 1, 2, 3, 4].map(loginDelaySeconds)).toEqual([0, 0, 0, 0, 0]);
    expect(FREE_LOGIN_FAILURES).toBe(5);
  });
  it('waits 1 s after the 5th failure, then doubles: 2, 4, 8, 16, 32 s', () => {
    expect([5, 6, 7, 8, 9, 10].map(loginDelaySeconds)).toEqual([1, 2, 4, 8, 16, 32]);
  });
  it('caps the wait at 60 s, however many failures', () => {
    expect([11, 12, 50, 10_000].map(loginDelaySeconds)).toEqual([60, 60, 60, 60]);
    expect(MAX_LOGIN_DELAY_SECONDS).toBe(60);
  });
});
