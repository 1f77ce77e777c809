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
html[lang=en] .pl,html[lang=pl] .en{display:none}
section.holds{border-left-color:#1a7f37}section.disagrees{border-left-color:#b42318}section.could-not-run{border-left-color:#8a5a00}section.incomplete{border-left-color:#6b7280}
.verdict.holds{color:#1a7f37}.verdict.disagrees{color:#b42318}.verdict.could-not-run{color:#8a5a00}.verdict.incomplete,.verdict.not-run,.verdict.no-scenarios{color:#4b5563}
.agrees .badge{background:#1a7f37}.disagrees .badge{background:#b42318}.could-not-run .badge{background:#8a5a00}.not-run .badge{background:#6b7280}
.banner{border:2px solid #8a5a00;background:#fff8e6;border-radius:6px;padding:.5rem .8rem;margin:.6rem 0}
.toolbar{display:flex;flex-wrap:wrap;gap:.6rem;margin:.6rem 0}.toolbar .group{display:inline-flex;gap:.25rem;align-items:center;font-size:.85rem}
.toolbar button{font:inherit;border:1px solid #9aa3ae;background:#fff;border-radius:4px;padding:.1rem .45rem;cursor:pointer}.toolbar button[aria-pressed=true]{background:#1f4fbf;color:#fff;border-color:#1f4fbf}
.source{color:#374151;margin:.2rem 0}.permalink{color:#9aa3ae;text-decoration:none;font-size:.8rem}.permalink:hover{color:#1f4fbf}
.failure .sentence{font-weight:600;color:#7a1a12;margin:.3rem 0}.failure .where{font-size:.85rem;margin:.1rem 0}
details.developers summary,details.raw summary,details.email summary,details.run-details summary{cursor:pointer;color:#1f4fbf;font-size:.85rem}
details.developers pre,details.raw pre{white-space:pre-wrap;background:#f6f8fa;padding:.4rem;border-radius:4px;font-size:.75rem;max-height:24rem;overflow:auto}
ol.steps{font-size:.9rem;margin:.2rem 0 .4rem;padding-left:1.6rem}ol.steps .kw{font-weight:600}li.step.failed{background:#fdf1f1}li.step.undefined,li.step.pending,li.step.ambiguous{background:#fff8e6}li.step.skipped{color:#6b7280}
.step-status{font-size:.8rem;color:#4b5563}li.step.failed .step-status{color:#b42318;font-weight:600}.step-table{width:auto;margin:.1rem 0 .2rem}
.origin{font-size:.75rem;border-radius:3px;padding:0 .25rem;border:1px solid #9aa3ae;color:#374151}.origin.created{border-color:#1a7f37;color:#1a7f37;font-weight:600}
.email-view{border:1px solid #d6dae0;border-radius:4px;padding:.4rem;margin:.3rem 0}.email-view pre.body{white-space:pre-wrap;background:#f6f8fa;padding:.4rem;font-size:.85rem}
.email-view iframe{width:100%;height:16rem;border:1px solid #d6dae0;background:#fff}.headers th{width:9rem;background:#f9fafb}h5{margin:.5rem 0 .2rem;font-size:.85rem}
.strip{display:inline-flex;gap:2px;vertical-align:middle;margin-left:.3rem}.strip .cell{width:.55rem;height:.8rem;border-radius:1px;background:#9aa3ae}
.strip .agrees{background:#1a7f37}.strip .disagrees{background:#b42318}.strip .could-not-run{background:#d99a00}.since{font-size:.8rem;color:#b42318;margin-left:.3rem}
.rules-list dt{font-weight:600;margin-top:.4rem}.rules-list dd{margin:0 0 0 1.2rem;font-size:.9rem}:target{outline:2px solid #1f4fbf;outline-offset:2px}
[hidden]{display:none!important}
@media print{details.story{display:block}.toolbar{display:none}}
`;
