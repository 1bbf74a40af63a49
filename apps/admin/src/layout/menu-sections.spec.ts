import { visibleSections } from './menu-sections';

describe(visibleSections.name, () => {
  it('shows a viewer what every member may read, without reports nor administration', () => {
    expect(visibleSections([{ role: 'viewer', orgUnit: null }]).map((s) => s.label)).toEqual([
      'levier.menu.data',
      'levier.menu.methodology',
      'levier.menu.reallocation',
      'levier.menu.reference',
    ]);
  });

  it('shows a director the reports but not the administration', () => {
    const sections = visibleSections([{ role: 'director', orgUnit: null }]);
    expect(sections.find((s) => s.label === 'levier.menu.reports')?.resources).toEqual(['report-subscriptions', 'report-deliveries']);
    expect(sections.some((s) => s.label === 'levier.menu.administration')).toBe(false);
  });

  it('shows the admin every section, users included', () => {
    const sections = visibleSections([{ role: 'admin', orgUnit: null }]);
    expect(sections.map((s) => s.label)).toEqual([
      'levier.menu.data',
      'levier.menu.methodology',
      'levier.menu.reallocation',
      'levier.menu.reports',
      'levier.menu.reference',
      'levier.menu.administration',
    ]);
    expect(sections.at(-1)?.resources).toEqual(['users', 'audit-log']);
  });
});
