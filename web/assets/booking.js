// booking.js — progressive enhancement of the consultation booking steps. Thin glue:
// the pages are plain forms that work without it; this adds the contact points of
// the chosen institution only, "nearest first" from the wasm core, the fallback when
// no server answers, and the outbox: a confirmed request is stored (IndexedDB) before
// it is sent with its idempotency key, sent again when the connection is back, and
// removed once answered, so it is never booked twice and nothing stays behind. The
// reference and token never go into an address: the server's answer sets a
// confirmation-view cookie, and the confirmation is the plain address (issue 12).
import { catalogue, core } from './core.js';
import * as outbox from './outbox.js';

const doc = document;

const summary = doc.querySelector('.error-summary');
if (summary) summary.focus();

const printButton = doc.getElementById('print-booking');
if (printButton) {
  printButton.hidden = false;
  printButton.addEventListener('click', () => window.print());
}

// --- step 1: topic and contact point ------------------------------------------------------
// The language switch of a static step leads to the same step with the same topic and
// contact point (they are in this address, and nothing personal is).
const langLink = doc.querySelector('.lang-switch a');
const keepInLangSwitch = (query) => {
  if (!langLink) return;
  const url = new URL(langLink.href);
  url.search = query;
  langLink.href = url.pathname + url.search;
};

const start = doc.getElementById('booking-start');
if (start) {
  const select = doc.getElementById('f-contact_point');
  const options = Array.from(select.options).filter((o) => o.value); // not "Choose a contact point"
  const chosen = () => start.querySelector('input[name=choice]:checked');
  const filter = () => {
    const inst = chosen()?.dataset.institution;
    for (const o of options) o.hidden = o.disabled = !!inst && !o.dataset.institutions.split(' ').includes(inst);
    // A centre that does not host the topic is no answer; no other is chosen in its place.
    if (select.selectedOptions[0]?.disabled) select.value = '';
  };
  // Back from the offline step (or the other language): the answers it was opened with.
  const q = new URLSearchParams(location.search);
  for (const r of start.querySelectorAll('input[name=choice]')) if (r.value === q.get('choice')) r.checked = true;
  if (options.some((o) => o.value === q.get('contact_point'))) select.value = q.get('contact_point');
  const remember = () => keepInLangSwitch(new URLSearchParams({ choice: chosen()?.value ?? '', contact_point: select.value }).toString());
  start.addEventListener('change', (e) => { if (e.target.name === 'choice') filter(); remember(); });
  filter();
  if (q.get('choice') || q.get('contact_point')) remember();
  start.dataset.enhanced = 'filter';

  // A missing answer: the error summary and the inline messages the core rendered into
  // this page (hidden, and in a <template>), as the server shows them without JavaScript.
  const showMissing = (missing) => {
    doc.getElementById('booking-start-summary')?.remove();
    const box = doc.getElementById('booking-start-errors').content.firstElementChild.cloneNode(true);
    box.id = 'booking-start-summary';
    for (const li of box.querySelectorAll('li')) if (!missing[li.querySelector('a').hash.slice(3)]) li.remove();
    doc.getElementById('booking-start-errors').before(box);
    for (const [field, where] of [['choice', doc.getElementById('f-choice')], ['contact_point', select.closest('.field')]]) {
      doc.getElementById(`f-${field}-error`).hidden = !missing[field];
      where.classList.toggle('field-error', missing[field]);
      const described = field === 'choice' ? where : select;
      const ids = new Set((described.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
      if (missing[field]) ids.add(`f-${field}-error`); else ids.delete(`f-${field}-error`);
      if (ids.size) described.setAttribute('aria-describedby', [...ids].join(' ')); else described.removeAttribute('aria-describedby');
      if (field === 'contact_point') { if (missing[field]) select.setAttribute('aria-invalid', 'true'); else select.removeAttribute('aria-invalid'); }
    }
    box.focus();
  };
  start.addEventListener('submit', (e) => {
    const missing = { choice: !chosen(), contact_point: !select.value || !!select.selectedOptions[0]?.disabled };
    // The server's copy of step 1 has no hidden errors: there the server answers instead.
    if ((missing.choice || missing.contact_point) && doc.getElementById('booking-start-errors')) {
      e.preventDefault();
      showMissing(missing);
      return;
    }
    // Without a connection the next step cannot come from the server: go to the
    // offline step, which works from the wasm core and the outbox.
    if (navigator.onLine) return;
    e.preventDefault();
    location.assign(start.dataset.offline + '?' + new URLSearchParams(new FormData(start)));
  });

  const nearest = doc.getElementById('nearest-first');
  if ('geolocation' in navigator) {
    nearest.hidden = false;
    nearest.addEventListener('click', () => navigator.geolocation.getCurrentPosition(async (pos) => {
      const cat = await catalogueCore();
      if (!cat) return;
      const order = new Map(Array.from(cat.nearest(pos.coords.latitude, pos.coords.longitude, { limit: 100 }, Date.now(), doc.documentElement.lang),
        (n, i) => [n.id, i]));
      options.sort((a, b) => (order.get(a.value) ?? 1e9) - (order.get(b.value) ?? 1e9));
      select.replaceChildren(select.options[0], ...options);
      filter();
      // Asked for: the nearest is chosen, and can be changed.
      select.value = options.find((o) => !o.disabled)?.value ?? '';
      remember();
      select.focus();
    }));
  }

  // Static hosting without the reference server: offer the contact point's phone and e-mail.
  fetch('/api/ratings/summary', { headers: { accept: 'application/json' } }).then((r) => {
    if (r.ok && (r.headers.get('content-type') || '').includes('json')) return;
    const fallback = doc.getElementById('booking-fallback');
    const show = () => {
      const o = select.selectedOptions[0];
      if (!o?.value) return; // no contact point chosen yet
      const topic = start.querySelector('input[name=choice]:checked')?.parentElement.textContent.trim() || '';
      const mail = `mailto:${o.dataset.email}?subject=${encodeURIComponent(fallback.dataset.subject)}` +
        `&body=${encodeURIComponent(`${topic}\n${o.textContent}\n`)}`;
      fallback.replaceChildren(fallback.dataset.text + ' ', link('tel:' + o.dataset.phone.replace(/[^+\d]/g, ''), o.dataset.phone),
        ', ', link(mail, o.dataset.email));
      fallback.hidden = false;
    };
    start.querySelector('[type=submit]').hidden = true;
    start.addEventListener('change', show);
    show();
  }, () => {}); // offline: the plain form stays as it is
}

function link(href, text) {
  const a = doc.createElement('a');
  a.href = href;
  a.textContent = text;
  return a;
}

const catalogueCore = () => catalogue().catch(() => null);

// --- confirming goes through the outbox ----------------------------------------------------
const confirmForm = doc.getElementById('booking-confirm');
const status = doc.getElementById('booking-status');
const say = (text) => { if (status) status.textContent = text; };

const offlineForm = doc.getElementById('booking-offline');

outbox.onAnswer('booking', (item, code, answer) => {
  const d = (confirmForm || offlineForm)?.dataset || {};
  if (code === 0) {
    if (!outbox.shared) return say(d.waiting || '');
    // Nothing is kept on a shared PC: say so, and offer the two ways out.
    say(d.waitingShared || '');
    const print = doc.createElement('button');
    print.type = 'button';
    print.textContent = d.print || 'Print';
    print.addEventListener('click', () => window.print());
    status?.append(' ', print);
    const submit = (confirmForm || offlineForm)?.querySelector('[type=submit]');
    if (submit) submit.disabled = false; // "try again" is the same button
    return undefined;
  }
  if (code === 201) {
    say(d.sent || '');
    // The answer set this browser's confirmation-view cookie: the address carries no secret (issue 12).
    location.assign(item.done);
  } else if (code === 409) {
    say(d.taken || '');
    if (status && d.change) status.append(' ', link(d.change, d.changeLabel || d.change));
  } else {
    say(d.error || '');
  }
});

if (confirmForm && outbox.available) {
  confirmForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(confirmForm);
    const body = {};
    // The request's fields as the core names them (booking::kRequestTextFields, in data-fields).
    for (const k of confirmForm.dataset.fields.split(' ')) body[k] = String(f.get(k) ?? '');
    body.start = Number(f.get('start'));
    confirmForm.querySelector('[type=submit]').disabled = true;
    say(confirmForm.dataset.sending || '');
    // The server made the key when it showed this page, so a second click or a
    // second tab cannot book twice.
    await outbox.send({ kind: 'booking', key: String(f.get('idempotency_key')), url: confirmForm.action, body,
      done: confirmForm.dataset.done, time: confirmForm.dataset.time });
  });
  confirmForm.dataset.enhanced = 'outbox';
}

// --- the time-and-details step when there is no connection -----------------------------------
// The same slot rules and the same checks as the server, from the wasm core; the
// request then waits in the outbox and is sent once when the connection is back.
if (offlineForm) (async () => {
  const q = new URLSearchParams(location.search);
  const [institution = '', topic = ''] = (q.get('choice') || '').split(':');
  const contactPoint = q.get('contact_point') || '';
  const lang = doc.documentElement.lang;
  // Back to step 1, and the other language's offline step, with this topic and contact point.
  const back = doc.querySelector('a.back-link');
  if (back) back.href = back.pathname + location.search;
  keepInLangSwitch(location.search.slice(1));
  const [M, cat] = await Promise.all([core().catch(() => null), catalogueCore()]);
  const el = offlineForm.elements;
  // The free times as the server's time step shows them: the core's slot_list.
  const slots = M && cat && institution && contactPoint
    ? cat.slotList(institution, contactPoint, new Date().toISOString().slice(0, 10), 28, Date.now(), lang) : null;
  if (!slots) {
    say(offlineForm.dataset.none);
    offlineForm.before(status);
    return;
  }
  el.institution.value = institution;
  el.topic.value = topic;
  el.contact_point.value = contactPoint;
  doc.getElementById('offline-slots').innerHTML = slots; // escaped by the core
  offlineForm.hidden = false;

  const errorsBox = doc.getElementById('offline-errors');
  offlineForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(offlineForm);
    const body = {};
    for (const k of offlineForm.dataset.fields.split(' ')) body[k] = String(f.get(k) ?? '');
    body.start = Number(f.get('start') || 0);
    // The core's own checks and its error summary (the one the server's pages show),
    // in the page's language, with the labels the form carries.
    const errors = M.bookingErrors({ ...body, start: body.start * 1000 }, lang, JSON.parse(offlineForm.dataset.errorStrings));
    errorsBox.innerHTML = errors.html; // escaped by the core
    errorsBox.hidden = !errors.count;
    if (errors.count) {
      errorsBox.querySelector('.error-summary').focus();
      return;
    }
    offlineForm.querySelector('[type=submit]').disabled = true;
    await outbox.send({ kind: 'booking', key: outbox.newKey('b'), url: offlineForm.action, body, done: offlineForm.dataset.done,
      time: offlineForm.dataset.time });
  });
})();
