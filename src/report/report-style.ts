// The page's only styles, inline: the report opens offline and loads nothing.
export const REPORT_STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #222; background: #fafafa; }
header { padding: 16px 32px; background: #fff; border-bottom: 1px solid #ddd; }
h1 { font-size: 22px; margin: 0 0 4px; }
main { padding: 8px 32px 48px; }
section { margin: 24px 0; }
h2 { font-size: 18px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.meta { color: #666; margin: 4px 0; }
table.figures { border-collapse: collapse; background: #fff; }
table.figures th, table.figures td { padding: 3px 12px; border-bottom: 1px solid #eee; text-align: right; }
table.figures th:first-child { text-align: left; font-weight: normal; color: #444; }
figure.chart { display: inline-block; vertical-align: top; margin: 8px 16px 16px 0; background: #fff; padding: 8px; border: 1px solid #e4e4e4; }
figcaption { max-width: 640px; margin-bottom: 6px; color: #444; }
.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; }
.filters input[type=number] { width: 90px; }
.browser { display: grid; grid-template-columns: 280px 1fr; gap: 16px; }
#b-list { list-style: none; margin: 0; padding: 0; max-height: 720px; overflow: auto; background: #fff; border: 1px solid #ddd; }
#b-list li { padding: 4px 8px; cursor: pointer; border-bottom: 1px solid #f0f0f0; font-size: 13px; }
#b-list li.selected { background: #e6eefb; }
#b-list li.flagged::after { content: " ●"; color: #c63; }
#b-detail { background: #fff; border: 1px solid #ddd; padding: 8px 16px; }
.dialogue { display: grid; grid-template-columns: 1fr 280px; gap: 16px; }
.turn { display: flex; gap: 8px; margin: 6px 0; }
.turn .who { font-weight: bold; width: 18px; color: #3366aa; }
.turn.user .who { color: #cc6633; }
.turn.repaired { background: #fff6e8; }
.words p { margin: 0; }
.acts { margin-top: 2px !important; }
.act { display: inline-block; font-size: 11px; color: #555; background: #f0f0f0; border-radius: 3px; padding: 0 5px; margin: 1px 4px 1px 0; }
.act.fix { background: #fde2c4; color: #833; }
.profile { font-size: 13px; background: #f7f7f7; padding: 4px 12px; border-left: 3px solid #ccc; }
.profile h4 { margin: 6px 0; } .profile h5 { margin: 8px 0 2px; color: #555; } .profile ul { margin: 0; padding-left: 18px; }
`;
