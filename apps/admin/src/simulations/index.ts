export { SimulationsPage, PREVIEW_DEBOUNCE_MS, SIMULATION_ROLES } from './SimulationsPage';
