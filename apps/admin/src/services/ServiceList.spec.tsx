import { screen } from '@testing-library/react';
import type { GetListParams, GetListResult, GetOneParams, GetOneResult } from 'react-admin';
import { renderAdmin } from '../test-utils/render-admin';
import { ServiceEdit, ServiceList } from './ServiceViews';

const services = [
  { id: 1, code: 'SAAD', label: 'Aide à domicile', functionCode: '423', kind: 'PREVENTION', granularity: 'month' },
  { id: 2, code: 'ASE-PREV', label: 'Prévention spécialisée', functionCode: '4213', kind: 'SUPPORT', granularity: 'quarter' },
];

describe(ServiceList.name, () => {
  it('lists the services with French headers and translated kinds', async () => {
    const getList = jest.fn<Promise<GetListResult>, [string, GetListParams]>(async () => ({ data: services, total: 2 }));
    renderAdmin(<ServiceList />, { dataProvider: { getList }, resource: 'services', url: '/services' });

    expect(await screen.findByText('Aide à domicile')).toBeTruthy();
    expect(screen.getByText('Prévention spécialisée')).toBeTruthy();
    expect(screen.getByText('Libellé')).toBeTruthy();
    expect(screen.getByText('Fonction M57')).toBeTruthy();
    expect(screen.getByText('Prévention')).toBeTruthy();
    expect(screen.getByText('Trimestrielle')).toBeTruthy();
    expect(getList).toHaveBeenCalledWith('services', expect.objectContaining({ sort: { field: 'code', order: 'ASC' } }));
  });
});

describe(ServiceEdit.name, () => {
  it('edits the note shown on the dashboard, with its French label', async () => {
    const note = 'Service déficitaire assumé : prestation alimentaire payée surtout par les usagers.';
    const getOne = jest.fn<Promise<GetOneResult>, [string, GetOneParams]>(async () => ({ data: { ...services[0], note } }));
    renderAdmin(<ServiceEdit id={1} />, { dataProvider: { getOne }, resource: 'services', url: '/services/1' });

    expect(await screen.findByDisplayValue(note)).toBeTruthy();
    expect(screen.getAllByText('Note (affichée sur le tableau de bord)').length).toBeGreaterThan(0);
  });
});
