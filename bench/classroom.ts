// Placeholder: the classroom server is not built yet. Replace this module with real
// measurements (keep the export name) when it is.
import { placeholderSection } from './section.ts';

export const classroomSection = placeholderSection('classroom', 'Classroom server', [
  { metric: 'concurrent trainees per room', unit: 'trainees' },
  { metric: 'event broadcast latency, p95', unit: 'ms' },
]);
