import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderAdmin } from '../test-utils/render-admin';
import { ErrorReportDownload, TemplateDownload } from './ImportFileDownloads';

describe(TemplateDownload.name, () => {
  beforeAll(() => Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:file'), revokeObjectURL: jest.fn() }));

  it('downloads the pre-filled template of the chosen period as Excel or CSV, and refuses a period it cannot read', async () => {
    const getFile = jest.fn(async () => ({ blob: new Blob(['x']), filename: 'modele-saisie-mars-2024.xlsx' }));
    renderAdmin(<TemplateDownload />, { dataProvider: { getFile } as never });
    const period = screen.getByRole('textbox', { name: 'Période du modèle' });
    fireEvent.change(period, { target: { value: '2024-T1' } });
    fireEvent.click(screen.getByTestId('template-xlsx'));
    await waitFor(() => expect(getFile).toHaveBeenCalledWith('/submission-template', { period: '2024-T1', format: 'xlsx' }, 'fr'));
    fireEvent.click(screen.getByTestId('template-csv'));
    await waitFor(() => expect(getFile).toHaveBeenCalledWith('/submission-template', { period: '2024-T1', format: 'csv' }, 'fr'));
    fireEvent.change(period, { target: { value: 'mars' } });
    expect(screen.getByText('Période attendue : 2024-03 ou 2024-T1')).toBeTruthy();
    expect(screen.queryByTestId('template-xlsx')).toBeNull();
  });
});

describe(ErrorReportDownload.name, () => {
  it('downloads a submission’s row errors as CSV or Excel', async () => {
    const getFile = jest.fn(async () => ({ blob: new Blob(['x']), filename: 'erreurs.csv' }));
    renderAdmin(<ErrorReportDownload submissionId="sub-1" />, { dataProvider: { getFile } as never });
    fireEvent.click(screen.getByRole('button', { name: 'Rapport d’erreurs (CSV)' }));
    await waitFor(() => expect(getFile).toHaveBeenCalledWith('/submissions/sub-1/errors', { format: 'csv' }, 'fr'));
    fireEvent.click(screen.getByRole('button', { name: 'Rapport d’erreurs (Excel)' }));
    await waitFor(() => expect(getFile).toHaveBeenCalledWith('/submissions/sub-1/errors', { format: 'xlsx' }, 'fr'));
  });
});
