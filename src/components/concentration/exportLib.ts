/**
 * What the concentration view's exports run (ChartExports.svelte), in one chunk that loads on the
 * first export or file action rather than with the page.
 */
export { buildFigure, figureInfoOf } from '../../lib/exportFigure';
export { scenariosCsv } from '../../lib/exportCsv';
export { TEACHING_NOTICE, chartTitle, isoDate } from '../../lib/exportInfo';
export { openScenarioFile, scenarioFileText } from '../../lib/scenarioFile';
export { saveBlob, svgToPng } from '../../lib/download';
