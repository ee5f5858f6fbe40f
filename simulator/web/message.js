// Drawing one message the way Telegram does. Text is always set as text,
// never as HTML: what the bot sends cannot inject markup into the page.
'use strict';

// h builds an element: h('div.cls', {attr: v}, child...).
function h(tag, attrs, ...children) {
  const [name, ...classes] = tag.split('.');
  const el = document.createElement(name);
  if (classes.length) el.className = classes.join(' ');
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined && c !== false) el.append(c);
  }
  return el;
}

const avatarColors = ['#e17076', '#7bc862', '#65aadd', '#a695e7', '#ee7aae', '#6ec9cb', '#faa774'];
function avatarColor(id) { return avatarColors[Math.abs(Number(id)) % avatarColors.length]; }

function clock(unix) {
  const d = new Date(unix * 1000);
  return String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0');
}

// nearPlace names the town a point is in, if it is one of the named places.
function nearPlace(lat, lon) {
  let best = null;
  for (const p of (window.simConfig?.places || [])) {
    const d = Math.hypot(p.lat - lat, (p.lon - lon) * Math.cos(lat * Math.PI / 180)) * 111;
    if (d < 25 && (!best || d < best.d)) best = {name: p.name, d};
  }
  return best && best.name;
}

function locationBody(loc) {
  const near = nearPlace(loc.lat, loc.lon);
  return h('div.loc', {},
    h('div.map', {}, loc.live ? h('div.pulse') : null, h('div.pin', {text: '📍'})),
    loc.live ? h('div.live', {text: '● Live location'}) : null,
    loc.title ? h('div', {text: loc.title}) : null,
    h('div.coords', {text: `${loc.lat.toFixed(5)}, ${loc.lon.toFixed(5)}` + (near ? ` · near ${near}` : '')}));
}

// A stand-in for every photo: the page has no camera and the bot keeps only the file id.
function photoBody() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 240 160');
  svg.innerHTML = '<rect width="240" height="160" fill="#9fc5e8"/><circle cx="185" cy="42" r="18" fill="#ffe08a"/>' +
    '<path d="M0 160 L70 70 L120 130 L160 90 L240 160 Z" fill="#6a9a5b"/>' +
    '<text x="10" y="22" font-size="13" fill="#fff" font-family="sans-serif">photo (stand-in)</text>';
  return h('div.photo', {}, svg);
}

function fileSize(n) {
  return n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`;
}

function documentBody(f) {
  return h('div.doc', {},
    h('div.icon', {text: '📄'}),
    h('div', {}, h('a', {href: f.url, download: f.name, text: f.name}), h('small', {text: `${fileSize(f.size)} · ${f.mime}`})));
}

const kindLabels = {voice: '🎤 voice message', audio: '🎵 audio', video: '🎬 video', sticker: '🙂 sticker', contact: '👤 contact', other: '(a message the simulator cannot show)'};

// renderMessage returns the element of one message as person `me` sees it.
// actions: {tap(msg, button), reply(msg)}.
function renderMessage(m, me, group, actions) {
  const out = !m.from_bot && m.from_id === me;
  const parts = [];
  if (group && !out) parts.push(h('div.from', {text: m.from_bot ? 'Korean Desk' : m.from_name}));
  if (m.reply_to) parts.push(h('div.quote', {}, h('b', {text: m.reply_to.name}), h('span', {text: m.reply_to.text})));
  if (m.location) parts.push(locationBody(m.location));
  if (m.kind === 'photo') parts.push(photoBody());
  if (m.file && m.kind === 'document') parts.push(documentBody(m.file));
  if (kindLabels[m.kind]) parts.push(h('div.body', {text: kindLabels[m.kind]}));
  const meta = h('span.meta', {text: (m.edited ? 'edited ' : '') + clock(m.time) + (out ? ' ✓✓' : '')});
  if (m.text) parts.push(h('div.body', {}, m.text, meta));
  else parts.push(h('div', {}, meta));
  const act = h('button.act', {type: 'button', title: 'Reply', text: '↩', onclick: () => actions.reply(m)});
  const bubble = h('div.bubble', {}, act, ...parts);
  const el = h('div.msg' + (out ? '.out' : '.in'), {'data-id': m.id, 'data-chat': m.chat, 'data-kind': m.kind}, bubble);
  if (m.inline && m.inline.length) {
    el.append(h('div.inline', {}, m.inline.map(row => h('div.row', {}, row.map(b => b.url
      ? h('a', {href: b.url, target: '_blank', rel: 'noopener', text: b.text + ' ↗'})
      : h('button', {type: 'button', 'data-cb': b.callback_data, text: b.text, onclick: () => actions.tap(m, b)}))))));
  }
  return el;
}
