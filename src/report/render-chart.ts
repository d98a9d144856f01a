import type { TopLevelSpec } from 'vega-lite';

// vega and vega-lite are loaded on first use: they are the report's own dependencies, and large.
let engine: Promise<{ vega: typeof import('vega'); vegaLite: typeof import('vega-lite') }> | undefined;

function loadEngine() {
  engine ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vegaLite]) => ({ vega, vegaLite }));
  return engine;
}

/** The palette and type of every chart, so the page reads as one. */
const CONFIG = {
  font: 'system-ui, sans-serif',
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: '#eee' },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  range: { category: ['#3366aa', '#cc6633', '#44aa77', '#aa4488', '#888833', '#33aacc'] },
  view: { stroke: null },
};

/**
 * A Vega-Lite chart rendered to an SVG string when the report is built: the page needs no script and no network to
 * show it. Data goes inline in the spec (`data.values`); nothing is ever loaded from a URL.
 */
export async function renderChart(spec: TopLevelSpec): Promise<string> {
  const { vega, vegaLite } = await loadEngine();
  const compiled = vegaLite.compile({ ...spec, config: { ...CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec).spec;
  // A loader that refuses every URL: a spec with a data URL is a bug here, never a request.
  const loader = vega.loader();
  loader.load = async (uri: string) => {
    throw new Error(`the report loads no data from URLs (asked for ${uri})`);
  };
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
