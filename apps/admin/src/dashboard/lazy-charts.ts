/** recharts is the heaviest dependency: every chart is loaded only once it is on screen. */
import { lazy } from 'react';

export const LazySeriesChart = lazy(() => import('./SeriesChart').then((m) => ({ default: m.SeriesChart })));
export const LazyBarsChart = lazy(() => import('./BarsChart').then((m) => ({ default: m.BarsChart })));
export const LazyFlowSankey = lazy(() => import('./FlowSankey').then((m) => ({ default: m.FlowSankey })));
