import { demoLogins } from './seed-demo.command';

describe(demoLogins.name, () => {
  it('lists the demo accounts with their role in French words, never the role codes', () => {
    const sut = demoLogins();
    expect(sut).toContain('finance@valmont.demo');
    expect(sut).toMatch(/finance@valmont\.demo\s+direction financière\s+CCAS de Valmont/);
    expect(sut).toMatch(/lecteur@valmont\.demo\s+lecture seule\s+CCAS de Valmont/);
    expect(sut).not.toMatch(/\s(admin|finance|director|viewer)\s/);
  });
});
