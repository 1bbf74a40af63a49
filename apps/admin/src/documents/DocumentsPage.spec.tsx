import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderAdmin } from '../test-utils/render-admin';
import { DocumentsPage } from './DocumentsPage';

const simulations = [
  { id: 's1', name: 'Portage → SAAD' },
  { id: 's2', name: 'SAAD × 1,2' },
];

const setup = (listSimulations: () => Promise<unknown>) => {
  const apiGet = jest.fn(async (path: string) => {
    if (path.startsWith('/simulations?')) return listSimulations();
    throw new Error(path);
  });
  const getFile = jest.fn(async () => ({ blob: new Blob(['%PDF-1.3']), filename: 'document.pdf' }));
  renderAdmin(<DocumentsPage />, { dataProvider: { apiGet, getFile } as never, url: '/documents?orgUnit=VALMONT&from=2024-01&to=2024-12' });
  return { apiGet, getFile };
};

describe(DocumentsPage.name, () => {
  beforeAll(() => Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:document'), revokeObjectURL: jest.fn() }));

  it('lists the note for the board with the saved simulations and downloads the one chosen', async () => {
    const { getFile } = setup(async () => simulations);
    const row = await screen.findByTestId('document-note_conseil');
    expect(within(row).getByText('Note pour le conseil')).toBeTruthy();
    fireEvent.mouseDown(within(row).getByRole('combobox'));
    fireEvent.click(await screen.findByRole('option', { name: 'SAAD × 1,2' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Note pour le conseil — PDF' }));
    await waitFor(() => expect(getFile).toHaveBeenCalledWith('/documents/note-conseil', { simulation: 's2', format: 'pdf' }, 'fr'));
  });

  it('says how to get a note when no simulation is saved', async () => {
    setup(async () => []);
    const row = await screen.findByTestId('document-note_conseil');
    expect(within(row).getByText(/Aucune simulation enregistrée/)).toBeTruthy();
    expect(within(row).queryByRole('button')).toBeNull();
  });

  it('leaves the note out for a reader who may not simulate (the list answers 403), the other documents stay', async () => {
    setup(async () => {
      throw new Error('403');
    });
    expect(await screen.findByTestId('document-dossier')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('document-note_conseil')).toBeNull());
    expect(screen.getByTestId('document-fongibilite')).toBeTruthy();
  });
});
