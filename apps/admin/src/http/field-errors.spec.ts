import { apiFieldErrors, toFormErrors } from './field-errors';

describe(apiFieldErrors.name, () => {
  it('reads the three shapes of the API', () => {
    expect(
      apiFieldErrors({
        errors: [
          { path: 'params.rateWith', message: 'nombre décimal invalide' },
          { field: 'numerator', position: 10, message: '« * » inattendu' },
          'name : le nom est obligatoire',
          'Adresse e-mail invalide.',
        ],
      }),
    ).toEqual([
      { field: 'params', subPath: 'rateWith', message: 'nombre décimal invalide' },
      { field: 'numerator', position: 10, message: '« * » inattendu' },
      { field: 'name', message: 'le nom est obligatoire' },
      { field: '', message: 'Adresse e-mail invalide.' },
    ]);
  });
});

describe(toFormErrors.name, () => {
  it('groups messages per field, sub-paths first, and keeps the rest as the root error', () => {
    expect(
      toFormErrors(
        {
          errors: [
            { path: 'params.unitCost', message: 'coût unitaire requis' },
            { path: 'params.rateWith', message: 'invalide' },
            { path: 'service', message: 'service inconnu' },
          ],
        },
        'Corrigez les points signalés.',
      ),
    ).toEqual({
      params: 'unitCost : coût unitaire requis ; rateWith : invalide',
      service: 'service inconnu',
      root: { serverError: 'Corrigez les points signalés.' },
    });
  });

  it('is null without errors', () => {
    expect(toFormErrors({ detail: 'x' })).toBeNull();
    expect(toFormErrors(undefined)).toBeNull();
  });
});
