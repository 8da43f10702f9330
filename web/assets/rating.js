// rating.js — sends a rating through the outbox with the comment masked by the core
// (phones, e-mails, personal codes) before it leaves the browser. Without it the
// form posts as it is and the server masks the comment.
import { core } from './core.js';
import * as outbox from './outbox.js';

const doc = document;

outbox.onAnswer('rating', (item, code) => {
  const form = doc.getElementById(item.form);
  const status = form?.querySelector('.rating-status');
  if (!status) return;
  status.textContent = code === 0 ? form.dataset.waiting : code === 201 ? form.dataset.sent : form.dataset.error;
  if (code === 201) form.reset();
  form.querySelector('[type=submit]').disabled = false;
});

for (const form of doc.querySelectorAll('form.rating-form')) {
  if (!outbox.available) break;
  form.id ||= 'rating-' + form.querySelector('[name=about]').value;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(form);
    let mask;
    try {
      const M = await core();
      mask = (text) => M.maskComment(text);
    } catch {
      return form.submit(); // no core: the plain post, masked by the server
    }
    const body = { about: f.get('about'), target: f.get('target'), lang: f.get('lang'),
      score: Number(f.get('score')), comment: mask(String(f.get('comment') || '')) };
    form.querySelector('[type=submit]').disabled = true;
    await outbox.send({ kind: 'rating', key: outbox.newKey('rating'), url: form.action, body, form: form.id });
  });
  form.dataset.enhanced = 'outbox';
}
