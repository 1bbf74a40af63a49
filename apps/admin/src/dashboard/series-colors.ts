/** Colours with ≥ 3:1 contrast on white; cost is also dashed in line charts so colour is not the only cue. */
export const SERIES_COLORS = { grossSavings: '#1565c0', cost: '#c62828', netSavings: '#2e7d32', range: '#90caf9' } as const;
