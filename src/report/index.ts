// `icer/report`: the HTML report. It imports vega and vega-lite (peer dependencies), which the core never needs.
export type { BrowsedDialogue } from './browsed-dialogue.js';
export { BrowsedDialogueSchema, browsedDialogue } from './browsed-dialogue.js';
export type { CollectReportOptions, ReportFile } from './collect-report.js';
export { collectReport } from './collect-report.js';
export type { ReportInput } from './render-report.js';
export { ReportInputSchema, renderReport } from './render-report.js';
