import { visibleSections } from './menu-sections';

describe(visibleSections.name, () => {
  it('shows a viewer only the reference section, without metrics', () => {
    expect(visibleSections([{ role: 'viewer', orgUnit: null }])).toEqual([
      { label: 'levier.menu.reference', resources: ['org-units', 'services', 'unit-costs'] },
    ]);
  });

  it('shows the admin every section', () => {
    expect(visibleSections([{ role: 'admin', orgUnit: null }]).map((s) => s.label)).toEqual([
      'levier.menu.data',
      'levier.menu.reference',
      'levier.menu.administration',
    ]);
  });
});
