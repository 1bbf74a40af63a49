import { fireEvent, screen, within } from '@testing-library/react';
import { renderAdmin } from '../test-utils/render-admin';
import type { IndicatorSummary } from '@levier/contracts';
import { TornadoSection, type TornadoItem } from './TornadoSection';

/** Sensitivity lines as `GET /api/indicators/summary` gives them (apps/api/src/indicators/indicators.service.ts). */
const sensitivity: TornadoItem[] = [
  {
    parameter: 'SAAD/ENTREE_EHPAD/rateWithout',
    label: 'Aide à domicile renforcée (SAAD) — Entrée en EHPAD retardée : taux d’événements sans le service',
    low: '-12000.00',
    high: '95000.00',
    swing: '107000.00',
    values: { low: '0.08', central: '0.12', high: '0.18' },
    source: { resource: 'outcome-assumptions', id: 'o-1' },
    narrowing:
      'Une évaluation locale du taux d’événements sans le service (Entrée en EHPAD retardée, Aide à domicile renforcée (SAAD)) resserrerait cette fourchette.',
  },
  {
    parameter: 'unitCost/JOURNEE_EHPAD/amount',
    label: 'Coût unitaire « Journée en EHPAD » : montant',
    low: '30000.00',
    high: '52000.00',
    swing: '22000.00',
    values: { low: '70', central: '80', high: '95.5' },
    source: { resource: 'unit-costs', id: 'u-1' },
    narrowing: 'Un calcul local du coût unitaire à partir des comptes des financeurs (« Journée en EHPAD ») resserrerait cette fourchette.',
  },
  {
    parameter: 'AED/PLACEMENT/deadweight',
    label: 'Aide éducative à domicile (AED) — Placement évité : effet d’aubaine',
    low: '40000.00',
    high: '40000.00',
    swing: '0.00',
    values: { low: '0.1', central: '0.2', high: '0.3' },
    source: null,
    narrowing: 'Une comparaison locale avec des personnes non accompagnées (Placement évité, Aide éducative à domicile (AED)) resserrerait cette fourchette.',
  },
];
const summary = { netSavings: '41000.00', conventions: 2, sensitivity } as unknown as IndicatorSummary;
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

describe(TornadoSection.name, () => {
  it('says the central net value and draws one bar per assumption, as an image with a French name', async () => {
    renderAdmin(<TornadoSection summary={summary} />);
    const card = screen.getByTestId('tornado');
    expect(within(card).getByRole('heading', { name: 'Quelle hypothèse pèse le plus ?' })).toBeTruthy();
    expect(plain(card.textContent)).toContain('Épargne médico-sociale nette centrale : 41 000,00 €.');
    expect(await within(card).findByRole('img', { name: /Graphique en tornade/ }, { timeout: 8000 })).toBeTruthy();
  });

  it('gives the table alternative: each assumption in words with its own low and high values, the results, and a link to its screen', async () => {
    renderAdmin(<TornadoSection summary={summary} />);
    const card = screen.getByTestId('tornado');
    fireEvent.click(within(card).getByRole('tab', { name: 'Tableau' }));
    const rows = within(card)
      .getAllByRole('row')
      .slice(1)
      .map((r) => plain(r.textContent));
    expect(rows[0]).toBe(
      'Aide à domicile renforcée (SAAD) — Entrée en EHPAD retardée : taux d’événements sans le servicede 8 % à 18 %-12 000,00 €95 000,00 €107 000,00 €Modifier',
    );
    expect(rows[1]).toBe('Coût unitaire « Journée en EHPAD » : montantde 70,00 € à 95,50 €30 000,00 €52 000,00 €22 000,00 €Modifier');
    expect(rows[2]).toContain('de 10 % à 30 %');
    expect(rows[2].endsWith('—')).toBe(true);
    expect(
      within(card)
        .getByRole('link', { name: /Modifier l’hypothèse « Aide à domicile renforcée \(SAAD\)/ })
        .getAttribute('href'),
    ).toBe('/outcome-assumptions/o-1');
    expect(
      within(card)
        .getByRole('link', { name: /Modifier l’hypothèse « Coût unitaire/ })
        .getAttribute('href'),
    ).toBe('/unit-costs/u-1');
    expect(screen.queryByText(/rateWithout|JOURNEE_EHPAD/)).toBeNull();
  });

  it('says which local evaluation would narrow the widest ranges, never for a range that moves nothing', () => {
    renderAdmin(<TornadoSection summary={summary} />);
    const sentences = within(screen.getByTestId('tornado-narrowing'))
      .getAllByRole('paragraph')
      .map((p) => p.textContent);
    expect(sentences).toEqual([sensitivity[0].narrowing, sensitivity[1].narrowing]);
  });

  it('shows nothing without a sensitivity (conventions 1, or a masked scope)', () => {
    renderAdmin(<TornadoSection summary={{ ...summary, sensitivity: null } as IndicatorSummary} />);
    expect(screen.queryByTestId('tornado')).toBeNull();
  });
});
