export { DataEntryGrid } from './DataEntryGrid';
export { ImportWizard } from './ImportWizard';
