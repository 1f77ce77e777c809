/**
 * The FAQ page's only script, inline. It works the language switch (`<html lang>`), the filter
 * and expand or collapse all, and opens whatever the address's #anchor points into. The state
 * can also come from the address (`?lang=pl&filter=disagrees&expand=all`), so a link can share it.
 */
export const FAQ_PAGE_SCRIPT = `(function () {
  var root = document.documentElement;
  var params = new URLSearchParams(location.search);
  function remember(name, value) {
    try { localStorage.setItem('faq-' + name, value); } catch (e) {}
    try { var p = new URLSearchParams(location.search); p.set(name, value); history.replaceState(null, '', '?' + p.toString() + location.hash); } catch (e) {}
  }
  function press(name, value) {
    document.querySelectorAll('button[data-' + name + ']').forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-' + name) === value)); });
  }
  function setLang(lang) {
    if (lang !== 'en' && lang !== 'pl') return;
    root.lang = lang;
    press('lang', lang);
  }
  function setFilter(filter) {
    if (['all', 'disagrees', 'could-not-run', 'flaky', 'not-run'].indexOf(filter) < 0) return;
    root.setAttribute('data-filter', filter);
    document.querySelectorAll('li.scenario').forEach(function (li) {
      li.hidden = !(filter === 'all' || (filter === 'flaky' ? li.hasAttribute('data-flaky') : li.getAttribute('data-verdict') === filter));
    });
    document.querySelectorAll('section.question, section.other').forEach(function (s) {
      s.hidden = filter !== 'all' && !s.querySelector('li.scenario:not([hidden])');
    });
    press('filter', filter);
  }
  function expand(open) {
    document.querySelectorAll('details.story').forEach(function (d) { d.open = open; });
  }
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === 'DETAILS') node.open = true;
      if (node.hidden) node.hidden = false;
    }
    target.scrollIntoView();
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button');
    if (!button) return;
    if (button.dataset.lang) { setLang(button.dataset.lang); remember('lang', button.dataset.lang); }
    if (button.dataset.filter) { setFilter(button.dataset.filter); remember('filter', button.dataset.filter); }
    if (button.dataset.expand) expand(button.dataset.expand === 'all');
  });
  var stored = null;
  try { stored = localStorage.getItem('faq-lang'); } catch (e) {}
  setLang(params.get('lang') || stored || 'en');
  setFilter(params.get('filter') || 'all');
  if (params.get('expand') === 'all') expand(true);
  reveal();
  window.addEventListener('hashchange', reveal);
})();`;
