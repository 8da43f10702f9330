// outbox.js — requests that must reach the server exactly once (bookings, ratings).
// A request is stored in IndexedDB before it is sent, sent with its idempotency key,
// sent again when the connection comes back — on whatever page of the site is open:
// app.js loads this on every page — and removed as soon as the server has answered
// it, so nothing personal stays on a shared library PC longer than needed, and the
// server never books it twice. A refusal (409: the time was taken meanwhile; 400) is
// never dropped: a page without a form of that kind says so in the frame's notice
// (#outbox-notice), with a link to choose another time.
// On a PC in shared-computer mode (app.js) nothing personal may be stored at all: the
// queue then lives in this page's memory only, is sent at once, and "Finish and
// clear" (the pietura:clear event) empties it.
const doc = document;
const handlers = new Map(); // kind → function(item, status, answer)

export const shared = (() => { try { return localStorage.getItem('pietura.shared') === '1'; } catch { return false; } })();
const memory = new Map(); // key → item, in shared mode
doc.addEventListener('pietura:clear', () => memory.clear());

// The same calls on the page's memory, for shared mode.
const memoryStore = {
  getAll: () => ({ result: [...memory.values()] }),
  put: (item) => { memory.set(item.key, item); return { result: undefined }; },
  delete: (key) => { memory.delete(key); return { result: undefined }; },
};

function open() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('pietura-outbox', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('requests', { keyPath: 'key' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
async function tx(mode, fn) {
  if (shared) return fn(memoryStore).result;
  const d = await open();
  return new Promise((resolve, reject) => {
    const t = d.transaction('requests', mode);
    const result = fn(t.objectStore('requests'));
    t.oncomplete = () => resolve(result.result);
    t.onerror = () => reject(t.error);
  });
}

let sending = false;

// A request queued on another page and answered here: a booking leads to its
// confirmation; a refusal is said in the frame's notice, with what to do next.
function answeredElsewhere(item, status, answer) {
  if (status === 201 && item.done && answer.reference) {
    location.assign(item.done); // the answer set the confirmation-view cookie; no secret in the address
    return;
  }
  if (status < 400) return; // 0: still queued; a rating's 201 needs no word here
  const notice = doc.getElementById('outbox-notice');
  if (!notice) return;
  const text = notice.querySelector('.banner-text');
  if (item.kind === 'booking') {
    text.textContent = (status === 409 ? notice.dataset.taken : notice.dataset.error) + ' ';
    // The time step of the same topic and contact point (nothing personal in the address),
    // as the form that queued it named it.
    const b = item.body || {};
    if (item.time) {
      const a = doc.createElement('a');
      a.href = item.time + '?' + new URLSearchParams({ choice: `${b.institution}:${b.topic}`, contact_point: b.contact_point });
      a.textContent = notice.dataset.again;
      text.append(a);
    }
  } else {
    text.textContent = notice.dataset.rating;
  }
  notice.hidden = false;
}

// Is there anything queued? Without this every page would create the database.
async function anyQueued() {
  if (shared || !indexedDB.databases) return true;
  try { return (await indexedDB.databases()).some((d) => d.name === 'pietura-outbox'); } catch { return true; }
}

// Sends every stored request once; an answered one is removed and handed to its kind's
// handler with the status (0: no connection, still queued).
export async function flush() {
  if (sending) return;
  sending = true;
  try {
    if (!(await anyQueued())) return;
    for (const item of await tx('readonly', (s) => s.getAll())) {
      const onAnswer = handlers.get(item.kind) || answeredElsewhere;
      let res;
      try {
        res = await fetch(item.url, { method: 'POST', body: JSON.stringify(item.body),
          headers: { 'content-type': 'application/json', 'idempotency-key': item.key } });
      } catch {
        onAnswer(item, 0, null);
        continue;
      }
      if (res.status >= 500 || res.status === 429) { onAnswer(item, 0, null); continue; }
      await tx('readwrite', (s) => s.delete(item.key));
      onAnswer(item, res.status, await res.json().catch(() => ({})));
    }
  } finally {
    sending = false;
  }
}

export async function send(item) {
  await tx('readwrite', (s) => s.put({ ...item, created: Date.now() }));
  return flush();
}

export function newKey(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return prefix + '-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const available = shared || 'indexedDB' in window;

// Requests not yet answered (in shared mode: lost when the page closes).
export async function pending() { return (await tx('readonly', (s) => s.getAll())).length; }

// Each page with a booking or rating form registers what to do with answers of its
// kind; requests of other kinds are sent too, and answered by answeredElsewhere.
export function onAnswer(kind, fn) { handlers.set(kind, fn); }

if (available) {
  window.addEventListener('online', () => flush().catch(() => {}));
  setInterval(() => { if (navigator.onLine) flush().catch(() => {}); }, 5000);
  // The first sending, when the page is there, is app.js's: it waits for the page's
  // booking or rating glue, so that their handlers are registered first.
}
