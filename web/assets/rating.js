// rating.js — the answers of the page-feedback question ("Did you find what you were
// looking for?", on every page) and of the service and consultation ratings, sent
// through the outbox without leaving the page; the thanks replaces the form in place,
// in the page's polite status line, in the words the page carries (data- attributes).
// Without it every form posts as it is and the server answers with a thank-you page.
// The "what were you looking for" text is masked by the core before it leaves the
// browser when the core can be had; the server masks it again in any case.
import { core } from './core.js';
import * as outbox from './outbox.js';

const doc = document;

// A refusal for a form this page does not have (queued on another page): the frame's
// notice says so, as outbox.js does for requests nobody here registered for.
function elsewhere(code) {
  if (code < 400) return;
  const notice = doc.getElementById('outbox-notice');
  if (!notice) return;
  notice.querySelector('.banner-text').textContent = notice.dataset.rating;
  notice.hidden = false;
}

// The core's own messages, field by field, after the general sentence (a 400's body).
function withFields(text, answer) {
  const fields = Object.values(answer?.fields || {}).map((f) => f.message);
  return [text, ...fields].join(' ');
}

function hex(bytes) {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

// Keys sort in the outbox: a "no" goes before the text that follows it.
const key = (kind) => `${kind}-${Date.now().toString(36)}-${hex(8)}`;

async function masked(text) {
  try {
    return (await core()).maskComment(text);
  } catch {
    return text; // no core here: the server masks it
  }
}

// --- "Did you find what you were looking for?" -----------------------------------------
const feedback = doc.querySelector('.page-feedback');
const found = feedback?.querySelector('form.feedback-found');
const missing = feedback?.querySelector('form.feedback-missing');
const status = feedback?.querySelector('.feedback-status');

outbox.onAnswer('feedback', (item, code) => {
  if (!found || item.body.page !== found.elements.page.value) return elsewhere(code);
  if (code === 0) status.textContent = feedback.dataset.waiting;
  else if (code === 201) status.textContent = feedback.dataset.thanks;
  else {
    status.textContent = feedback.dataset.error;
    found.hidden = false;
    missing.hidden = true;
  }
});

outbox.onAnswer('feedback-missing', (item, code) => {
  if (!missing || item.body.page !== missing.elements.page.value) return elsewhere(code);
  if (code === 0) status.textContent = feedback.dataset.waiting;
  else if (code === 201) status.textContent = feedback.dataset.thanksMissing;
  else status.textContent = feedback.dataset.error;
});

if (found && outbox.available) {
  found.addEventListener('submit', async (e) => {
    const answer = e.submitter?.value;
    if (answer !== 'yes' && answer !== 'no') return; // the plain post
    e.preventDefault();
    const body = { page: found.elements.page.value, lang: found.elements.lang.value, found: answer };
    // The id the optional text will be added under; made here so that it can follow
    // an answer still waiting in the outbox.
    if (answer === 'no') body.followup = hex(16);
    found.hidden = true;
    status.textContent = feedback.dataset.thanks;
    if (answer === 'no') {
      missing.elements.followup.value = body.followup;
      missing.hidden = false;
      missing.querySelector('textarea').focus();
    }
    await outbox.send({ kind: 'feedback', key: key('feedback'), url: found.action, body });
  });
  found.dataset.enhanced = 'outbox';
  missing.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = missing.elements;
    const text = f.missing.value.trim();
    if (!text) { // nothing to add: the "no" is already said
      missing.hidden = true;
      return;
    }
    const body = { followup: f.followup.value, page: f.page.value, lang: f.lang.value, missing: await masked(text) };
    missing.hidden = true;
    status.textContent = feedback.dataset.thanksMissing;
    await outbox.send({ kind: 'feedback-missing', key: key('feedback-missing'), url: missing.action, body });
  });
  missing.dataset.enhanced = 'outbox';
}

// --- a service's or a consultation's rating on the 10-point scale ------------------------
outbox.onAnswer('rating', (item, code, answer) => {
  const form = doc.getElementById(item.form);
  const line = form?.querySelector('.rating-status');
  if (!line) return elsewhere(code);
  const d = form.dataset;
  line.textContent = code === 0 ? d.waiting : code === 201 ? d.sent : code === 200 ? d.notUsed : withFields(d.error, answer);
  const done = code === 201 || code === 200;
  // Answered: the thanks takes the form's place; the status line stays where it was read.
  for (const el of form.querySelectorAll('fieldset, [type=submit]')) el.hidden = done;
  form.querySelector('[type=submit]').disabled = false;
  if (done) form.reset();
});

for (const form of doc.querySelectorAll('form.service-rating, form.consultation-rating')) {
  if (!outbox.available) break;
  form.id ||= 'rating-' + (form.elements.about?.value || 'consultation');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    const body = { lang: f.get('lang') };
    for (const name of ['about', 'target', 'used', 'token']) if (f.get(name) !== null) body[name] = f.get(name);
    if (f.get('score') !== null) body.score = Number(f.get('score'));
    form.querySelector('[type=submit]').disabled = true;
    await outbox.send({ kind: 'rating', key: key('rating'), url: form.action, body, form: form.id });
  });
  form.dataset.enhanced = 'outbox';
}
