/* Civic Pulse kiosk v1: one press counts (at most once per minimum interval), then the service's "why?" reasons
   (skippable); ratings and their reasons queue on this device, survive a reload and are sent when survey-service
   answers: ratings in batches, then each rating's reasons once the rating itself is in. docs/widget.md */
(() => {
  'use strict';
  const k = document.getElementById('kiosk');
  if (!k) return;
  const a = k.dataset;
  const KEY = 'civic-pulse-kiosk:' + a.council + ':' + a.touchpoint;
  // The reasons given for a rating (RatingEnriched on the server), queued apart: sent only once their rating is in.
  const ANSWERS = KEY + ':answers';
  const BATCH = 1000;
  const start = k.querySelector('.start'), thanks = k.querySelector('.thanks'), waiting = k.querySelector('.waiting');
  const reasons = k.querySelector('.reasons');
  let interval = a.intervalSeconds * 1000, thanksMs = a.thanksSeconds * 1000, idleMs = a.idleSeconds * 1000;
  let last = -Infinity, busy = false, back, rated = null;

  const load = (key = KEY) => {
    try {
      return JSON.parse(localStorage.getItem(key)) || [];
    } catch (e) {
      return [];
    }
  };
  // Staff see how many ratings wait; a rating and its reasons are one.
  const show = () => {
    const n = new Set(load().concat(load(ANSWERS)).map(x => x.id)).size;
    waiting.hidden = !n;
    waiting.firstChild.textContent = n;
  };
  const save = (q, key = KEY) => {
    localStorage.setItem(key, JSON.stringify(q));
    show();
  };
  const uuid = () => {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = b[6] & 15 | 64;
    b[8] = b[8] & 63 | 128;
    const h = [...b].map(x => (x + 256).toString(16).slice(1)).join('');
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join('-');
  };
  const post = (path, body) => fetch(path, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'omit'
  });
  // Done with a rating: accepted, or refused for good (a 4xx other than 408/429 will never change). 5xx and no answer: keep it.
  const settled = s => s == 202 || (s >= 400 && s < 500 && s != 408 && s != 429);

  // Where survey-service has no batch endpoint yet, the same ratings go one by one (each keeps its id).
  const oneByOne = async batch => {
    const done = [];
    for (const r of batch) {
      let s = 0;
      try {
        s = (await post('/api/v1/ratings', r)).status;
      } catch (e) { /* offline */ }
      if (!settled(s)) break;
      done.push(r.id);
    }
    return done;
  };
  const sendRatings = async batch => {
    let done = [];
    try {
      const r = await post('/api/v1/ratings/batch', { ratings: batch });
      if (r.status == 404 || r.status == 405) {
        done = await oneByOne(batch);
      } else if (r.status == 200) {
        done = (await r.json()).results.filter(x => settled(x.status)).map(x => x.id);
      }
    } catch (e) { /* offline: everything stays queued */ }
    const rest = load().filter(x => done.indexOf(x.id) < 0);
    save(rest);
    return done.length && rest.length;
  };
  // Reasons go after their rating has been taken (or refused for good), one request each, each at most once.
  const sendAnswers = async () => {
    const held = new Set(load().map(x => x.id));
    for (const x of load(ANSWERS)) {
      if (held.has(x.id)) continue;
      let s = 0;
      try {
        s = (await post('/api/v1/ratings/' + x.id + '/answers', x.answers)).status;
      } catch (e) { /* offline */ }
      if (!settled(s)) return;
      save(load(ANSWERS).filter(y => y.id != x.id), ANSWERS);
    }
  };
  const flush = async () => {
    if (busy) return;
    busy = true;
    let more = true;
    try {
      while (more) {
        const batch = load().slice(0, BATCH);
        more = batch.length && await sendRatings(batch);
      }
      await sendAnswers();
    } finally {
      busy = false;
    }
  };

  const screen = s => {
    [start, reasons, thanks].forEach(x => x && (x.hidden = x != s));
    const h = s.querySelector('h1');
    if (s != start) h.focus();
  };
  const reset = () => {
    rated = null;
    screen(start);
  };
  // Back to the start after the thank-you, or after the kiosk has been left untouched on a question.
  const later = ms => {
    clearTimeout(back);
    back = setTimeout(reset, ms);
  };
  const thank = () => {
    screen(thanks);
    later(thanksMs);
  };
  k.addEventListener('click', e => {
    const r = e.target.closest('[data-reason]'), step = e.target.closest('[data-step]'), b = e.target.closest('[data-score]');
    if (r) {
      r.setAttribute('aria-pressed', r.getAttribute('aria-pressed') != 'true');
      later(idleMs);
      return;
    }
    if (step) {
      const chosen = [...reasons.querySelectorAll('[aria-pressed=true]')].map(x => x.dataset.reason);
      if (rated && step.dataset.step == 'next' && chosen.length) {
        const q = load(ANSWERS);
        q.push({ id: rated, answers: { council: a.council, service: a.service, reasons: chosen } });
        save(q, ANSWERS);
        flush();
      }
      rated = null;
      thank();
      return;
    }
    if (!b) return;
    const now = Date.now();
    // A press inside the minimum interval is thanked but not counted, and asked nothing more.
    if (now - last >= interval) {
      last = now;
      const q = load();
      rated = uuid();
      q.push({
        id: rated, council: a.council, service: a.service, channel: 'face_to_face', touchpoint: a.touchpoint,
        scale: a.scale, score: +b.dataset.score, submittedAt: new Date(now).toISOString()
      });
      save(q);
      flush();
      if (reasons) {
        reasons.querySelectorAll('[aria-pressed]').forEach(x => x.setAttribute('aria-pressed', false));
        screen(reasons);
        later(idleMs);
        return;
      }
    }
    thank();
  });
  // This kiosk's settings (or else its council's), where survey-service publishes them, win over the page's defaults.
  fetch('/api/v1/councils/' + encodeURIComponent(a.council) + '/capture-settings', { credentials: 'omit' })
    .then(r => r.json()).then(s => {
      const c = ((s.kioskTouchpoints || {})[a.touchpoint] || s).kiosk || {};
      if (c.minimumIntervalSeconds >= 0) interval = c.minimumIntervalSeconds * 1000;
      if (c.idleSeconds > 0) {
        thanksMs = Math.min(thanksMs, c.idleSeconds * 1000);
        idleMs = c.idleSeconds * 1000;
      }
    }, () => 0);
  show();
  flush();
  setInterval(flush, 3000);
  addEventListener('online', flush);
})();
