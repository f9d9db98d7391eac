// The Map, Analysis and Tests panels are built alongside the studio in ./panels. They load when
// their tab is opened, and only if that folder exists in this build.
import { Text } from '@mantine/core';
import { lazy, type ComponentType } from 'react';
import type { CheckResult } from '../../core/scenario/check.ts';

export interface PanelProps {
  result: CheckResult;
  source: string;
  onJump: (line: number, column?: number) => void;
}

type PanelName = 'MapPanel' | 'AnalysisPanel' | 'TestsPanel';
type PanelsModule = Partial<Record<PanelName, ComponentType<PanelProps>>>;

const loaders = import.meta.glob<PanelsModule>('./panels/index.ts');
const load = loaders['./panels/index.ts'];

function NotYet() {
  return <Text c="dimmed">This panel is not part of this build yet.</Text>;
}

function panel(name: PanelName) {
  return lazy<ComponentType<PanelProps>>(async () => {
    const mod = load ? await load() : {};
    return { default: mod[name] ?? NotYet };
  });
}

export const MapPanel = panel('MapPanel');
export const AnalysisPanel = panel('AnalysisPanel');
export const TestsPanel = panel('TestsPanel');
