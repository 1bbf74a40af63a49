import { screen } from '@testing-library/react';
import { renderAdmin } from '../test-utils/render-admin';
import { SubmissionProgressBar } from './SubmissionProgressBar';
import { progressOf, type SubmissionProgress, type SubmissionState } from './submission-status';

const bar = () => screen.getByRole('progressbar', { name: 'Avancement du traitement' });
const renderBar = (progress: SubmissionProgress) => renderAdmin(<SubmissionProgressBar progress={progress} />);

describe(SubmissionProgressBar.name, () => {
  it('shows the share of rows written while applying, in French', async () => {
    renderBar({ phase: 'applying', percent: 42 });
    expect(await screen.findByText('Application : 42 %')).toBeTruthy();
    expect(bar().getAttribute('aria-valuenow')).toBe('42');
    expect(bar().getAttribute('aria-valuetext')).toBe('Application : 42 %');
  });

  it('shows the validated share while validating', async () => {
    renderBar({ phase: 'validating', percent: 100 });
    expect(await screen.findByText('Validation… 100 %')).toBeTruthy();
    expect(bar().getAttribute('aria-valuenow')).toBe('100');
  });

  it('turns indeterminate while waiting or when the API could not read the percent', async () => {
    const { unmount } = renderBar({ phase: 'applying', percent: null });
    expect(await screen.findByText('Application en cours…')).toBeTruthy();
    expect(bar().getAttribute('aria-valuenow')).toBeNull();
    unmount();
    renderBar({ phase: 'waiting', percent: 0 });
    expect(await screen.findByText('En attente de traitement…')).toBeTruthy();
    expect(bar().getAttribute('aria-valuenow')).toBeNull();
  });
});

describe(progressOf.name, () => {
  const state = (overrides: Partial<SubmissionState>): SubmissionState => ({ id: 's', status: 'validating', ...overrides });

  it('uses the API’s progress, and none once the submission is finished', () => {
    expect(progressOf(state({ progress: { phase: 'applying', percent: 42 } }))).toEqual({ phase: 'applying', percent: 42 });
    expect(progressOf(state({ status: 'applied', progress: null }))).toBeNull();
    expect(progressOf(state({ status: 'rejected' }))).toBeNull();
  });

  it('falls back on processedCount / rowCount (rounded down) when the API sends no progress', () => {
    // 2 / 3 = 66.7 % → 66
    expect(progressOf(state({ rowCount: 3, processedCount: 2 }))).toEqual({ phase: 'validating', percent: 66 });
    expect(progressOf(state({ rowCount: 0, processedCount: 0 }))).toEqual({ phase: 'validating', percent: null });
    expect(progressOf(state({ status: 'received' }))).toEqual({ phase: 'waiting', percent: null });
  });
});
