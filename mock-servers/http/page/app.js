// The mock mail server's page: plain JavaScript, no build step, talking to /api/v1 only.
// Everything a message says is put in the page as text (textContent), never as markup; its
// HTML goes into a sandboxed frame whose document carries its own Content-Security-Policy
// (mock-servers/readable-message.ts), so no script of a message runs and nothing remote loads.

/** The same sandbox as MESSAGE_FRAME_SANDBOX in readable-message.ts (a test checks they agree). */
const FRAME_SANDBOX = 'allow-popups allow-popups-to-escape-sandbox';

const $ = (id) => document.getElementById(id);
const state = { view: undefined, accounts: [], openMessage: undefined, tab: 'html', hasHtml: false, listLoads: 0, listLoading: false };

const enc = encodeURIComponent;
const folderUrl = (account, folder) => `/api/v1/accounts/${enc(account)}/folders/${enc(folder)}`;

async function api(path, init) {
  const response = await fetch(path, init);
  if (response.status === 204) return undefined;
  const body = await response.json();
  if (!response.ok) throw Object.assign(new Error(body.detail ?? response.statusText), { problem: body });
  return body;
}

function element(tag, properties = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else if (key.startsWith('data-')) node.setAttribute(key, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node[key] = value;
  }
  for (const child of children) node.append(child);
  return node;
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

// Accounts, folders, outbox, faults.

async function loadAccounts() {
  state.accounts = await api('/api/v1/accounts');
  const list = $('accounts');
  list.replaceChildren(...state.accounts.map((account) => element('li', {}, [
    element('div', { class: 'account', text: account.address }),
    element('ul', {}, account.folders.map((folder) => element('li', {}, [
      element('button', {
        type: 'button',
        class: `folder${isSelected(account.address, folder.name) ? ' selected' : ''}`,
        'data-account': account.address,
        'data-folder': folder.name,
        onclick: () => showFolder(account.address, folder.name),
      }, [folder.name, element('span', { class: `count${folder.unseen ? ' unseen' : ''}`, text: folder.unseen ? `${folder.unseen}/${folder.messages}` : String(folder.messages) })]),
    ]))),
  ])));
  if (!state.view) {
    // The folder in the address (#/sales%40acme.test/INBOX, #/outbox) survives a reload.
    const [first, second] = location.hash.slice(2).split('/').map(decodeURIComponent);
    if (first === 'outbox') await showOutbox();
    else if (first && second && state.accounts.some((a) => a.address === first && a.folders.some((f) => f.name === second))) await showFolder(first, second);
    else if (state.accounts[0]) await showFolder(state.accounts[0].address, 'INBOX');
  }
}

const isSelected = (account, folder) => state.view?.kind === 'folder' && state.view.account === account && state.view.folder === folder;

async function loadOutboxCount() {
  const outbox = await api('/api/v1/outbox');
  $('outbox-count').textContent = String(outbox.total);
}

async function loadFaults() {
  const faults = await api('/api/v1/faults');
  $('faults').replaceChildren(...(faults.length === 0
    ? [element('li', { class: 'empty', text: 'None' })]
    : faults.map((fault) => element('li', { 'data-fault': String(fault.id) }, [
      element('span', {}, [element('code', { text: fault.spec ?? fault.kind }), element('br'), fault.description]),
      element('button', { type: 'button', text: 'Remove', onclick: () => api(`/api/v1/faults/${fault.id}`, { method: 'DELETE' }).then(loadFaults) }),
    ]))));
}

// The message list.

async function showFolder(account, folder) {
  state.view = { kind: 'folder', account, folder };
  history.replaceState(null, '', `#/${enc(account)}/${enc(folder)}`);
  closeMessage();
  $('list-title').textContent = `${account} / ${folder}`;
  for (const button of document.querySelectorAll('.folder')) button.classList.toggle('selected', button.dataset.account === account && button.dataset.folder === folder);
  $('outbox-button').classList.remove('selected');
  await loadList();
}

async function showOutbox() {
  state.view = { kind: 'outbox' };
  history.replaceState(null, '', '#/outbox');
  closeMessage();
  $('list-title').textContent = 'Outbox: mail for other domains';
  for (const button of document.querySelectorAll('.folder')) button.classList.remove('selected');
  $('outbox-button').classList.add('selected');
  await loadList();
}

// Only the latest load fills the list: an answer to an earlier one may have been computed before
// a message arrived, and would take away the row its event added meanwhile.
async function loadList() {
  const view = state.view;
  if (!view) return;
  const load = ++state.listLoads;
  state.listLoading = true;
  const filter = $('filter').value.trim();
  const query = filter ? `?subject=${enc(filter)}` : '';
  try {
    const items = view.kind === 'outbox'
      ? (await api(`/api/v1/outbox${query}`)).messages.map(outboundRow)
      : (await api(`${folderUrl(view.account, view.folder)}/messages${query}`)).messages.map(storedRow);
    if (view !== state.view || load !== state.listLoads) return;
    $('messages').replaceChildren(...items.map((item) => row(item)));
    $('list-empty').hidden = items.length > 0;
  } finally {
    if (load === state.listLoads) state.listLoading = false;
  }
}

/** A message for the list on show: added at the top, or, while the list is being loaded, loaded again. */
function arrived(item) {
  if (state.listLoading) void loadList();
  else prepend(item);
}

const storedRow = (message) => ({ key: String(message.uid), subject: message.subject, who: message.from.join(', '), at: message.date ?? message.internalDate, unseen: !message.flags.includes('\\Seen'), summary: message });
const outboundRow = (message) => ({ key: String(message.id), subject: message.subject, who: `to ${message.recipients.join(', ')}`, at: message.acceptedAt, unseen: false, summary: message });

function row(item, fresh = false) {
  return element('li', {
    'data-key': item.key,
    class: `${item.unseen ? 'unseen' : ''}${fresh ? ' fresh' : ''}${state.openMessage?.key === item.key ? ' selected' : ''}`,
    onclick: () => openMessage(item.key),
  }, [
    element('div', { class: 'subject', text: item.subject || '(no subject)' }),
    element('div', { class: 'meta' }, [element('span', { text: item.who }), element('time', { text: when(item.at) })]),
  ]);
}

function prepend(item) {
  const filter = $('filter').value.trim().toLowerCase();
  if (filter && !item.subject.toLowerCase().includes(filter)) return;
  if ($('messages').querySelector(`li[data-key="${CSS.escape(item.key)}"]`)) return;
  $('messages').prepend(row(item, true));
  $('list-empty').hidden = true;
}

// One message.

async function openMessage(key) {
  const view = state.view;
  const base = view.kind === 'outbox' ? `/api/v1/outbox/${enc(key)}` : `${folderUrl(view.account, view.folder)}/messages/${enc(key)}`;
  const message = await api(base);
  state.openMessage = { key, base, view };
  for (const li of $('messages').children) li.classList.toggle('selected', li.dataset.key === key);
  $('message-view').hidden = false;
  $('message-view').dataset.key = key;
  $('message-subject').textContent = message.subject || '(no subject)';
  const header = (name) => message.headers.filter((h) => h.name.toLowerCase() === name).map((h) => h.value).join(', ');
  const shown = [['From', header('from')], ['To', header('to')], ['Cc', header('cc')], ['Date', header('date')], ['Message-ID', header('message-id')]];
  if (view.kind === 'outbox') shown.unshift(['Envelope', `${message.mailFrom} → ${message.recipients.join(', ')}`]);
  if (message.flags) shown.push(['Flags', message.flags.join(' ') || 'none']);
  $('message-headers').replaceChildren(...shown.filter(([, value]) => value).flatMap(([name, value]) => [element('dt', { text: name }), element('dd', { text: value })]));
  $('all-headers').replaceChildren(...message.headers.map((h) => element('tr', {}, [element('td', { text: h.name }), element('td', { text: h.value })])));
  $('attachments').replaceChildren(...message.attachments.map((a) => element('li', {}, [
    element('a', { href: a.url, download: a.filename, text: `${a.filename} (${a.contentType}, ${a.size} B)` }),
  ])));
  $('download').href = `${message.rawUrl}?download=1`;
  $('delete').hidden = view.kind === 'outbox';
  const frame = $('message-html');
  frame.setAttribute('sandbox', FRAME_SANDBOX);
  frame.removeAttribute('data-loaded');
  frame.onload = () => frame.setAttribute('data-loaded', key);
  frame.srcdoc = message.htmlDocument ?? '';
  $('message-text').textContent = message.text ?? '(no text part)';
  $('message-raw').textContent = await (await fetch(message.rawUrl)).text();
  state.hasHtml = Boolean(message.htmlDocument);
  // Say why images are missing: the frame loads nothing from the network.
  $('remote-blocked').hidden = !/(?:src|background)\s*=\s*["']?\s*(?:https?:)?\/\/|url\(\s*["']?\s*(?:https?:)?\/\//i.test(message.html ?? '');
  showTab(state.tab);
}

/** The tab a person chose stays chosen from message to message; HTML falls back to text when there is none. */
function showTab(tab) {
  state.tab = tab;
  const hasHtml = state.hasHtml;
  const effective = tab === 'html' && !hasHtml ? 'text' : tab;
  for (const button of document.querySelectorAll('[data-tab]')) {
    button.setAttribute('aria-selected', String(button.dataset.tab === effective));
    if (button.dataset.tab === 'html') button.disabled = !hasHtml;
  }
  $('message-html').hidden = effective !== 'html';
  $('message-text').hidden = effective !== 'text';
  $('message-raw').hidden = effective !== 'raw';
}

function closeMessage() {
  state.openMessage = undefined;
  $('message-view').hidden = true;
  $('message-html').srcdoc = '';
}

async function deleteOpenMessage() {
  const open = state.openMessage;
  if (!open || open.view.kind === 'outbox') return;
  await api(open.base, { method: 'DELETE' });
}

// Live updates: Server-Sent Events from /api/v1/events.

function listen() {
  const events = new EventSource('/api/v1/events');
  events.addEventListener('open', () => {
    $('live').textContent = 'live';
    $('live').classList.add('open');
    document.documentElement.dataset.events = 'open';
    // Whatever happened while the stream was down shows now.
    void refreshAll();
  });
  events.addEventListener('error', () => {
    $('live').textContent = 'reconnecting…';
    $('live').classList.remove('open');
    document.documentElement.dataset.events = 'closed';
  });
  const on = (type, handle) => events.addEventListener(type, (event) => handle(JSON.parse(event.data)));
  on('message-added', (data) => {
    if (state.view?.kind === 'folder' && state.view.account === data.account && state.view.folder === data.folder) arrived(storedRow(data.message));
    void loadAccounts();
  });
  on('messages-expunged', (data) => {
    if (state.view?.kind === 'folder' && state.view.account === data.account && state.view.folder === data.folder) {
      // A load under way may answer with the messages as they were: it is loaded again.
      if (state.listLoading) void loadList();
      for (const uid of data.uids) {
        $('messages').querySelector(`li[data-key="${uid}"]`)?.remove();
        if (state.openMessage?.key === String(uid)) closeMessage();
      }
      $('list-empty').hidden = $('messages').children.length > 0;
    }
    void loadAccounts();
  });
  on('flags-changed', (data) => {
    if (state.view?.kind === 'folder' && state.view.account === data.account && state.view.folder === data.folder) void loadList();
    void loadAccounts();
  });
  for (const type of ['folder-created', 'folder-deleted', 'folder-renamed', 'uid-validity-changed', 'account-created']) on(type, () => void loadAccounts());
  on('outbox-added', (data) => {
    if (state.view?.kind === 'outbox') arrived(outboundRow(data));
    void loadOutboxCount();
  });
  on('faults-changed', () => void loadFaults());
  for (const type of ['reset', 'restored']) on(type, () => { closeMessage(); void refreshAll(); });
}

async function refreshAll() {
  await Promise.all([loadAccounts(), loadOutboxCount(), loadFaults(), loadList()]);
}

// Wiring.

$('outbox-button').addEventListener('click', () => void showOutbox());
$('filter').addEventListener('input', () => void loadList());
$('delete').addEventListener('click', () => void deleteOpenMessage());
$('reset').addEventListener('click', () => {
  if (confirm('Empty every mailbox and the outbox, and clear the faults?')) void api('/api/v1/reset', { method: 'POST' });
});
for (const button of document.querySelectorAll('[data-tab]')) button.addEventListener('click', () => showTab(button.dataset.tab));
$('fault-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const spec = $('fault-spec').value.trim();
  if (!spec) return;
  try {
    await api('/api/v1/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ spec }) });
    $('fault-spec').value = '';
    $('fault-error').textContent = '';
  } catch (error) {
    $('fault-error').textContent = error.message;
  }
  await loadFaults();
});

await refreshAll();
listen();
