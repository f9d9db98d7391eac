// The studio's Map, Analysis and Tests panels (loaded by ../panelSlots.tsx when a tab opens).
export { default as MapPanel } from './MapPanel.tsx';
export { default as AnalysisPanel } from './AnalysisPanel.tsx';
export { default as TestsPanel } from './TestsPanel.tsx';
