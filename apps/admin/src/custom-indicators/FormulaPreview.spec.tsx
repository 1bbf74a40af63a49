import { screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { seriesFactory } from '../test-utils/factories';
import { renderAdmin } from '../test-utils/render-admin';
import type { PreviewResponse } from '@levier/contracts';
import { FormulaPreview } from './FormulaPreview';

const MASKED = 'masqué (moins de 5 bénéficiaires)';

/** `POST /api/custom-indicators/preview` (apps/api/src/methodology/custom/custom-indicators.service.ts). */
const previewFactory = (overrides: Partial<PreviewResponse> = {}): PreviewResponse => ({
  scope: { orgUnit: 'VALMONT-NORD', from: '2025-01', to: '2025-02' },
  dependencies: ['spend', 'person_months'],
  numerator: '1234.5',
  denominator: '10',
  value: '123.45',
  cellsUsed: 4,
  cellsMissing: 0,
  masked: false,
  ...overrides,
});

const WithForm = ({ children }: { children: ReactNode }) => {
  const form = useForm({ defaultValues: { numerator: '#{spend}', denominator: '#{person_months}', factor: '' } });
  return <FormProvider {...form}>{children}</FormProvider>;
};

const renderPreview = (result: PreviewResponse) =>
  renderAdmin(
    <WithForm>
      <FormulaPreview />
    </WithForm>,
    {
      dataProvider: {
        getIndicatorSeries: async () => seriesFactory(),
        getList: async () => ({ data: [], total: 0 }),
        apiPost: async () => ({ status: 200, json: result }),
      } as never,
    },
  );

describe(FormulaPreview.name, () => {
  it('shows a masked preview as masked: no value, no numerator, no denominator', async () => {
    renderPreview(previewFactory({ numerator: null, denominator: null, value: null, masked: true }));

    const value = await screen.findByTestId('formula-preview-value', {}, { timeout: 3000 });
    expect(value.textContent).toBe(MASKED);
    const valid = screen.getByTestId('formula-valid');
    expect(within(valid).queryByText(/Pas de valeur/)).toBeNull();
    expect(screen.getByTestId('formula-preview-detail').textContent).toBe(
      'Numérateur et dénominateur masqués (secret statistique) — 4 cellule(s) utilisée(s), 0 manquante(s)',
    );
  });

  it('shows the value and its parts when the preview is not masked', async () => {
    renderPreview(previewFactory());

    const value = await screen.findByTestId('formula-preview-value', {}, { timeout: 3000 });
    expect(value.textContent).toBe('123,45');
    expect(screen.queryByTestId('masked-value')).toBeNull();
  });
});
