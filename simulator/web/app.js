// The simulator page: one pane per person, fed by the Server-Sent Events
// of /api/events, acting through the JSON endpoints of /api.
'use strict';

async function simCall(path, body, method = 'POST') {
  const res = await fetch(path, {
    method, headers: {'Content-Type': 'application/json'},
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(data.error || res.statusText);
  return data;
}

const sim = {
  messages: new Map(), // chat id -> Map(message id -> message)
  panes: new Map(),    // person id -> Pane
  pending: [],         // messages not drawn yet
};

function setStatus(text, ok) {
  const el = document.getElementById('status');
  el.textContent = text;
  el.classList.toggle('ok', !!ok);
}

function onPeople(people) {
  const main = document.getElementById('panes');
  const ids = new Set(people.map(p => p.id));
  for (const [id, pane] of sim.panes) {
    if (!ids.has(id)) { pane.el.remove(); sim.panes.delete(id); }
  }
  for (const p of people) {
    let pane = sim.panes.get(p.id);
    if (!pane) {
      pane = new Pane(p, sim);
      sim.panes.set(p.id, pane);
      main.append(pane.el);
      pane.renderLog();
    } else {
      pane.update(p);
    }
  }
}

function onMessage(m) {
  let chat = sim.messages.get(m.chat);
  if (!chat) sim.messages.set(m.chat, chat = new Map());
  if (m.deleted) chat.delete(m.id);
  else chat.set(m.id, m);
  if (sim.pending.push(m) === 1) requestAnimationFrame(drawPending);
}

// drawPending draws the messages of one burst together.
function drawPending() {
  const batch = sim.pending;
  sim.pending = [];
  for (const pane of sim.panes.values()) {
    if (batch.length > 30) pane.renderLog();
    else for (const m of batch) pane.upsert(m);
  }
}

function onReset() {
  sim.messages.clear();
  sim.pending = [];
  for (const pane of sim.panes.values()) pane.renderLog();
}

function connect() {
  const es = new EventSource('/api/events');
  es.addEventListener('reset', onReset);
  es.addEventListener('people', e => onPeople(JSON.parse(e.data)));
  es.addEventListener('msg', e => onMessage(JSON.parse(e.data)));
  es.onopen = () => setStatus('connected', true);
  es.onerror = () => setStatus(es.readyState === EventSource.CLOSED ? 'disconnected' : 'reconnecting…');
  window.simEvents = es;
}

function setupAddPerson() {
  const dialog = document.getElementById('add-dialog');
  const form = document.getElementById('add-form');
  document.getElementById('add-person').addEventListener('click', () => {
    dialog.returnValue = ''; // Escape closes without a value
    dialog.showModal();
  });
  dialog.addEventListener('close', async () => {
    if (dialog.returnValue !== 'add') return;
    const f = new FormData(form);
    form.reset();
    try {
      await simCall('/api/people', {name: f.get('name'), lang: f.get('lang'), role: f.get('role')});
    } catch (e) {
      alert(e.message);
    }
  });
}

async function boot() {
  try {
    window.simConfig = await (await fetch('/api/config')).json();
  } catch (e) {
    setStatus('cannot reach the simulator; reload when it runs');
    return;
  }
  setupAddPerson();
  connect();
}

boot();
