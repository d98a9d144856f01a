// `icer/report`: the HTML report. It imports vega and vega-lite (peer dependencies), which the core never needs.
/**
 * The HTML report: every figure of `icer stats`, with charts (vega and vega-lite, peer dependencies) and a
 * dialogue browser, in one offline web page.
 *
 * @module icer/report
 */
export type { BrowsedDialogue } from './browsed-dialogue.js';
export { BrowsedDialogueSchema, browsedDialogue } from './browsed-dialogue.js';
export type { CollectReportOptions, ReportFile } from './collect-report.js';
export { collectReport } from './collect-report.js';
export type { ReportInput } from './render-report.js';
export { ReportInputSchema, renderReport } from './render-report.js';
