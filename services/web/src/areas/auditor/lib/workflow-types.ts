import type { z } from 'zod';
// The chart's schema lives beside its route rather than in contracts/; read as a type only, nothing of the server is bundled.
import type { workflowChartSchema } from '../../../../../http/workflow-chart';

/** GET /api/workflows/case: the statuses, what moves a case between them, and the deadlines. */
export type WorkflowChart = z.infer<typeof workflowChartSchema>;
export type ChartState = WorkflowChart['states'][number];
