import { fireEvent, screen } from '@testing-library/react';
import { renderAdmin } from '../test-utils/render-admin';
import { ImportWizard } from './ImportWizard';

const bar = () => screen.getByRole('progressbar', { name: 'Avancement du traitement' });

describe(ImportWizard.name, () => {
  it('follows an upload through its apply progress to the result', async () => {
    const running = { id: 'sub-1', status: 'validating', rowCount: 200, processedCount: 200, appliedCount: 0, errors: [], flags: [] };
    const replies = [
      { ...running, progress: { phase: 'applying', percent: 42 } },
      { ...running, status: 'applied', appliedCount: 200, progress: null },
    ];
    let polls = 0;
    const apiGet = jest.fn(async (_path: string) => replies[Math.min(polls++, replies.length - 1)]);
    const apiPost = jest.fn(async () => ({ status: 202, json: { id: 'sub-1', status: 'received' } }));
    renderAdmin(<ImportWizard />, { dataProvider: { apiGet, apiPost } as never });

    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File(['a;b\n'], 'chiffres.csv', { type: 'text/csv' })] } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer' }));

    expect(await screen.findByText('Application : 42 %')).toBeTruthy();
    expect(bar().getAttribute('aria-valuenow')).toBe('42');
    expect(await screen.findByText(/Import terminé : 200 chiffre/, undefined, { timeout: 3000 })).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(apiGet).toHaveBeenCalledWith('/submissions/sub-1');
  });
});
