import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderAdmin } from '../test-utils/render-admin';
import { ReallocationSection } from './ReallocationSection';
import type { Reallocation } from '@levier/contracts';

/** The shape of `GET /api/indicators/reallocation` (apps/api/src/reallocation/reallocation-input.ts). */
const payload: Reallocation = {
  from: '2024',
  to: '2024',
  fteDays: '98.000000',
  fteYears: '0.429825',
  needCoverage: { A: '0.5', B: '1' },
  criticalCoverage: '0.710000',
  fongibiliteVolume: '12000.00',
  fongibiliteRate: '0.007',
  fongibiliteOverLimit: false,
  fongibiliteLimit: '0.075',
  realExpenditureSource: 'budget',
  realExpenditureProxyYears: [],
  inKindValue: '5440.00',
  flows: {
    budget: { nodes: [{ name: 'Fonction 4213' }, { name: 'Fonction 4232' }], links: [{ source: 0, target: 1, value: '12000.00' }] },
    staff: { nodes: [{ name: 'AED' }, { name: 'SAAD' }], links: [{ source: 0, target: 1, value: '5' }] },
  },
};

describe(ReallocationSection.name, () => {
  it('shows the tiles and two flow charts: budget in euros, staff in FTE-days', async () => {
    renderAdmin(<ReallocationSection scope={{ orgUnit: 'VALMONT-NORD', from: '2024-01', to: '2024-12' }} />, {
      dataProvider: {
        getReallocation: async () => payload,
        getList: async () => ({ data: [{ id: 's1', code: 'SAAD', label: 'Aide à domicile renforcée (SAAD)' }], total: 1 }),
      } as never,
    });
    // the range in words, never « de 2024 à 2024 »
    expect(await screen.findByText('Toute l’organisation, année 2024.')).toBeTruthy();
    expect(within(await screen.findByTestId('realloc-critical')).getByText(/tous besoins \(moyenne\) : 75/)).toBeTruthy();
    // the rate is volume ÷ real expenditure, shown beside the voted limit (not as a share of it)
    expect(within(screen.getByTestId('realloc-budget')).getByText(/^Taux de fongibilité 0,7\s%\s\(limite votée 7,5\s%\)$/)).toBeTruthy();
    expect(screen.getByText('Virements budgétaires entre fonctions (€)')).toBeTruthy();
    expect(screen.getByText('Redéploiements de personnel (jours-ETP)')).toBeTruthy();
    expect(within(screen.getByTestId('realloc-budget')).queryByText(/faute de budget voté/)).toBeNull();
    // FTE-years to 2 decimals (0.429825 → 0,43), FTE-days without the engine's 6 decimals
    expect(within(screen.getByTestId('realloc-fte')).getByText('soit 0,43 ETP-année')).toBeTruthy();
    expect(within(screen.getByTestId('realloc-fte')).getByText('98')).toBeTruthy();
  });

  it('names M57 functions by their label in the budget flows, else « Fonction 4232 », never a bare code', async () => {
    renderAdmin(<ReallocationSection scope={{ orgUnit: 'VALMONT-NORD', from: '2024-01', to: '2024-12' }} />, {
      dataProvider: { getReallocation: async () => ({ ...payload, functionLabels: { '4213': 'Action sociale en faveur des personnes âgées' } }) } as never,
    });
    const budget = await screen.findByTestId('flows-budget');
    fireEvent.click(within(budget).getByRole('tab', { name: 'Tableau' }));
    const cells = within(budget)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 2)).toEqual(['Action sociale en faveur des personnes âgées (fonction 4213)', 'Fonction 4232']);
  });

  it('says when the fongibilité rate rests on the services’ spend, for want of a voted budget', async () => {
    renderAdmin(<ReallocationSection scope={{ orgUnit: 'VALMONT-NORD', from: '2023-01', to: '2024-12' }} />, {
      dataProvider: {
        getReallocation: async () => ({ ...payload, from: '2023', realExpenditureSource: 'mixed', realExpenditureProxyYears: ['2023'] }),
      } as never,
    });
    const tile = await screen.findByTestId('realloc-budget');
    expect(within(tile).getByText('base : dépenses des services saisies, faute de budget voté pour 2023')).toBeTruthy();
  });

  it('draws Sankey labels outside the nodes, wrapped and abbreviated, with the full name as tooltip', async () => {
    const partner = 'Partenaire : Centre communal d’action sociale de Bellerive';
    const rect = jest
      .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
      .mockReturnValue({ width: 800, height: 340, top: 0, left: 0, right: 800, bottom: 340, x: 0, y: 0, toJSON: () => ({}) });
    renderAdmin(<ReallocationSection scope={{ orgUnit: 'VALMONT-NORD', from: '2024-01', to: '2024-12' }} />, {
      dataProvider: {
        getReallocation: async () => ({
          ...payload,
          flows: {
            budget: payload.flows?.budget,
            staff: { nodes: [{ name: 'Aide à domicile (SAAD)' }, { name: partner }], links: [{ source: 0, target: 1, value: '5' }] },
          },
        }),
      } as never,
    });
    const staff = await screen.findByTestId('flows-staff');
    await waitFor(() => expect(staff.querySelectorAll('title').length).toBeGreaterThan(0));
    expect([...staff.querySelectorAll('title')].map((t) => t.textContent)).toContain(partner);
    const lines = [...staff.querySelectorAll('tspan')].map((t) => t.textContent);
    // up to three lines: the whole name fits, nothing cut
    expect(lines).toEqual(expect.arrayContaining(['Partenaire : Centre', 'communal d’action', 'sociale de Bellerive']));
    rect.mockRestore();
  });
});
