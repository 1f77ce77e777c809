/** The FAQ page's only style sheet, inline: the page has no external assets. Colours pass WCAG AA against white. */
export const FAQ_PAGE_CSS = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:62rem;margin:2rem auto;padding:0 1rem;color:#1d2430;background:#fff}
h1{font-size:1.5rem;margin-bottom:.3rem}h2{font-size:1.1rem;margin:0}h4{font-size:.95rem;margin:.8rem 0 .3rem}
a{color:#1f4fbf}.qid{color:#4b5563;margin-right:.4rem}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.4rem 0}caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border:1px solid #d6dae0;padding:.25rem .4rem;text-align:left;vertical-align:top}th{background:#f3f4f6}
section.question,section.other{border:1px solid #d6dae0;border-left:6px solid #6b7280;border-radius:6px;padding:.8rem 1rem;margin:1rem 0}
section.passing{border-left-color:#1a7f37}section.failing{border-left-color:#b42318}
.english{color:#374151;margin:.2rem 0}.answer{margin:.4rem 0;background:#f6f8fa;padding:.4rem .6rem;border-radius:4px}
.verdict{font-weight:600;margin:.3rem 0}.verdict.passing{color:#1a7f37}.verdict.failing{color:#b42318}.verdict.not-specified{color:#4b5563}
ul.scenarios,ul.plain{list-style:none;padding:0;margin:.4rem 0 0}li.scenario{padding:.45rem 0;border-top:1px solid #eef0f3}
.badge{display:inline-block;min-width:6.5rem;text-align:center;border-radius:4px;font-size:.8rem;padding:0 .3rem;color:#fff;background:#4b5563}
.passed .badge{background:#1a7f37}.failed .badge{background:#b42318}.undefined .badge,.pending .badge,.ambiguous .badge,.unknown .badge{background:#8a5a00}
.flaky{display:inline-block;border:1px solid #8a5a00;color:#8a5a00;border-radius:4px;font-size:.75rem;padding:0 .3rem;margin-left:.3rem}
.rules{font-size:.8rem;color:#1f4fbf}.role{font-size:.75rem;text-transform:uppercase;letter-spacing:.03em;color:#6b21a8;border:1px solid #d8b4fe;border-radius:3px;padding:0 .25rem}.meaning,.duration{font-size:.85rem;color:#4b5563}
.failure pre{white-space:pre-wrap;background:#fdf1f1;padding:.4rem;border-radius:4px;font-size:.8rem}
details.story{margin:.3rem 0 0}details.story summary{cursor:pointer;color:#1f4fbf}
.yes{color:#1a7f37;font-weight:600}.no{color:#b42318;font-weight:600}.details{color:#4b5563}
ol.timeline{margin:.2rem 0 .4rem;padding-left:1.4rem;font-size:.9rem}
nav table td:first-child{white-space:nowrap}
@media print{details.story{display:block}}
`;
