// One person's pane: their chats with the bot, as a Telegram app shows them.
'use strict';

const roleNames = {reporter: 'reporter', family: 'family member', officer: 'desk officer', supervisor: 'desk supervisor'};

class Pane {
  constructor(person, sim) {
    this.sim = sim;
    this.person = person;
    this.chat = person.id; // the chat on screen
    this.replyTo = null;
    this.build();
    this.update(person);
  }

  $(sel) { return this.el.querySelector(sel); }

  build() {
    const p = this.person;
    this.el = h('section.pane', {'data-person': p.id},
      h('div.pane-head', {},
        h('div.avatar', {style: `background:${avatarColor(p.id)}`}),
        h('div.who', {}, h('input.name', {title: 'Your name as Telegram shows it', maxlength: 64}), h('div.role')),
        h('div.langs', {title: 'The language of your Telegram app (language_code)'},
          (window.simConfig.languages || []).map(l => h('button', {type: 'button', 'data-lang': l.code, text: l.name,
            onclick: () => this.call(`/api/people/${p.id}`, {lang: l.code})}))),
        p.id >= 1002 && p.role !== 'supervisor'
          ? h('button.close', {type: 'button', title: 'Close this pane', text: '×', onclick: () => this.call(`/api/people/${p.id}`, null, 'DELETE')}) : null),
      h('div.tabs', {hidden: true}),
      h('div.chat-head', {},
        h('div.avatar', {style: 'background:#3390ec;width:30px;height:30px', text: 'KD'}),
        h('div.title'),
        h('button.deep', {type: 'button', title: 'Open a deep link (poster, QR code)', text: '🔗 link', onclick: () => this.toggle('.deeplink')})),
      h('div.bar.deeplink', {hidden: true},
        h('span', {text: `t.me/${window.simConfig.bot.username}?start=`}),
        h('select.payload', {}, ['sos', 'job', 'family'].map(v => h('option', {value: v, text: v}))),
        h('span.grow'),
        h('button', {type: 'button', text: 'Open', onclick: () => this.openDeepLink()})),
      h('div.bar.live-bar', {hidden: true}, h('span.grow.live-text'),
        h('button', {type: 'button', text: 'Stop sharing', onclick: () => this.call('/api/live/stop', {person: p.id})})),
      h('div.log'),
      h('div.bar.reply-bar', {hidden: true}, h('span.grow.reply-text'),
        h('button', {type: 'button', text: '×', onclick: () => this.setReply(null)})),
      h('div.kbd', {hidden: true}),
      this.buildMenu(), this.buildAttach(), this.buildLocation(),
      h('form.compose', {onsubmit: e => { e.preventDefault(); this.sendTyped(); }},
        h('button.menu-btn', {type: 'button', text: '☰ Menu', hidden: true, onclick: () => this.toggle('.menu-pop')}),
        h('button.attach', {type: 'button', title: 'Attach', text: '📎', onclick: () => this.toggle('.attach-pop')}),
        h('textarea', {rows: 1, placeholder: 'Message', onkeydown: e => {
          if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); this.sendTyped(); }
        }}),
        h('button.send', {type: 'submit', title: 'Send', text: '➤'})));
    this.$('input.name').addEventListener('change', e => this.call(`/api/people/${p.id}`, {name: e.target.value}));
  }

  buildMenu() { return h('div.pop.menu-pop', {hidden: true}, h('h3', {text: 'Menu'}), h('div.items')); }

  buildAttach() {
    return h('div.pop.attach-pop', {hidden: true},
      h('button.item.attach-location', {type: 'button', text: '📍 Location', onclick: () => this.toggle('.loc-pop')}),
      h('button.item.attach-photo', {type: 'button', text: '🖼 Photo (stand-in; the text box is its caption)', onclick: () => this.sendPhoto()}));
  }

  buildLocation() {
    return h('div.pop.loc-pop', {hidden: true},
      h('h3', {text: 'Share location (offline: pick a place or type coordinates)'}),
      h('div.places', {}, (window.simConfig.places || []).map(pl =>
        h('button.item', {type: 'button', 'data-place': pl.name, text: '📍 ' + pl.name, onclick: () => this.shareLocation(pl.lat, pl.lon)}))),
      h('div.row', {},
        h('input.lat', {type: 'number', step: 'any', placeholder: 'latitude', value: '10.6273'}),
        h('input.lon', {type: 'number', step: 'any', placeholder: 'longitude', value: '103.5225'}),
        h('button', {type: 'button', text: 'Send', onclick: () => this.shareLocation(+this.$('.lat').value, +this.$('.lon').value)})),
      h('label.row', {}, h('input.live', {type: 'checkbox'}),
        `Live location: moves every ${window.simConfig.live_every || 4} s for 15 minutes`),
      h('div.row', {}, h('button', {type: 'button', text: 'Cancel', onclick: () => this.closePops()})));
  }

  // update applies a new state of the person: name, language, chats, keyboards, menus.
  update(person) {
    this.person = person;
    if (!person.chats.some(c => c.id === this.chat)) this.chat = person.id;
    const name = this.$('input.name');
    if (document.activeElement !== name) name.value = person.name;
    this.$('.pane-head .avatar').textContent = person.name.slice(0, 1).toUpperCase();
    this.$('.role').textContent = `${roleNames[person.role] || person.role} · user id ${person.id}`;
    for (const b of this.el.querySelectorAll('.langs button')) b.classList.toggle('on', b.dataset.lang === person.lang);
    this.renderTabs();
    this.renderChatState();
    const live = person.live;
    this.$('.live-bar').hidden = !live;
    if (live) this.$('.live-text').textContent = `📍 Sharing live location · ${live.lat.toFixed(5)}, ${live.lon.toFixed(5)}`;
  }

  get chatView() { return this.person.chats.find(c => c.id === this.chat) || this.person.chats[0]; }

  renderTabs() {
    const tabs = this.$('.tabs');
    tabs.hidden = this.person.chats.length < 2;
    tabs.replaceChildren(...this.person.chats.map(c => h('button' + (c.id === this.chat ? '.on' : ''),
      {type: 'button', 'data-chat': c.id, text: c.group ? '👥 ' + c.title : '🤖 @' + c.title, onclick: () => this.show(c.id)})));
  }

  show(chat) {
    this.chat = chat;
    this.setReply(null);
    this.closePops();
    this.renderTabs();
    this.renderChatState();
    this.renderLog();
  }

  renderChatState() {
    const c = this.chatView;
    this.$('.chat-head .title').replaceChildren(c.group ? c.title : 'Korean Desk',
      h('small', {text: c.group ? 'desk group chat' : '@' + c.title + ' · bot'}));
    this.$('.chat-head .deep').hidden = c.group;
    this.$('.compose .attach').hidden = c.group;
    const kbd = this.$('.kbd');
    kbd.hidden = !(c.keyboard && c.keyboard.length);
    kbd.replaceChildren(...(c.keyboard || []).map(row => h('div.row', {}, row.map(b =>
      h('button', {type: 'button', 'data-location': b.request_location || null, text: b.text,
        onclick: () => b.request_location ? this.open('.loc-pop') : this.send(b.text)})))));
    const menu = c.menu || [];
    this.$('.menu-btn').hidden = menu.length === 0;
    this.$('.menu-pop .items').replaceChildren(...menu.map(cmd => h('button.item', {type: 'button', 'data-command': cmd.command,
      onclick: () => { this.closePops(); this.send('/' + cmd.command); }}, h('b', {text: '/' + cmd.command}), cmd.description)));
  }

  // renderLog redraws the chat on screen from the messages the page holds.
  renderLog() {
    const log = this.$('.log');
    const msgs = [...(this.sim.messages.get(this.chat)?.values() || [])].sort((a, b) => a.id - b.id);
    log.replaceChildren(...msgs.map(m => this.element(m)));
    if (!msgs.length) log.append(h('div.empty', {text: 'No messages here yet. Send /start, or open a deep link.'}));
    log.scrollTop = log.scrollHeight;
  }

  element(m) {
    return renderMessage(m, this.person.id, this.chatView.group, {
      tap: (msg, b) => this.call('/api/callback', {person: this.person.id, chat: msg.chat, message_id: msg.id, data: b.callback_data}),
      reply: msg => this.setReply(msg),
    });
  }

  // upsert shows a new or changed message in place; a deleted one disappears.
  upsert(m) {
    if (m.chat !== this.chat) return;
    const log = this.$('.log');
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 60;
    log.querySelector('.empty')?.remove();
    const old = log.querySelector(`.msg[data-id="${m.id}"]`);
    if (m.deleted) { old?.remove(); return; }
    const el = this.element(m);
    if (old) old.replaceWith(el);
    else {
      const next = [...log.querySelectorAll('.msg')].find(x => +x.dataset.id > m.id);
      log.insertBefore(el, next || null);
    }
    if (atBottom || (!old && m.from_id === this.person.id)) log.scrollTop = log.scrollHeight;
  }

  setReply(m) {
    this.replyTo = m;
    this.$('.reply-bar').hidden = !m;
    if (m) this.$('.reply-text').textContent = `↩ ${m.from_bot ? 'Korean Desk' : m.from_name}: ${(m.text || m.kind).slice(0, 80)}`;
  }

  toggle(sel) { const el = this.$(sel); const hidden = el.hidden; this.closePops(); el.hidden = !hidden; }
  open(sel) { this.closePops(); this.$(sel).hidden = false; }
  closePops() { for (const el of this.el.querySelectorAll('.pop, .deeplink')) el.hidden = true; }

  sendTyped() {
    const ta = this.$('textarea');
    const text = ta.value.trim();
    if (!text) return;
    ta.value = '';
    this.send(text, this.replyTo);
  }

  send(text, replyTo) {
    this.setReply(null);
    return this.call('/api/send', {person: this.person.id, chat: this.chat, text, reply_to: replyTo ? replyTo.id : 0});
  }

  openDeepLink() {
    this.closePops();
    this.show(this.person.id);
    this.send('/start ' + this.$('.payload').value);
  }

  shareLocation(lat, lon) {
    const live = this.$('.loc-pop .live').checked;
    this.closePops();
    this.call('/api/location', {person: this.person.id, lat, lon, live});
  }

  sendPhoto() {
    const ta = this.$('textarea');
    const caption = ta.value.trim();
    ta.value = '';
    this.closePops();
    this.call('/api/photo', {person: this.person.id, text: caption});
  }

  async call(path, body, method) {
    try {
      return await simCall(path, body, method);
    } catch (e) {
      this.toast(e.message);
    }
  }

  toast(text) {
    const t = h('div.toast', {text});
    this.el.append(t);
    setTimeout(() => t.remove(), 3500);
  }
}
