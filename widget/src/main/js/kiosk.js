/* Civic Pulse kiosk v1: one press counts (at most once per minimum interval); ratings queue on this device, survive
   a reload and are sent in batches when survey-service answers. docs/widget.md */
(() => {
  'use strict';
  const k = document.getElementById('kiosk');
  if (!k) return;
  const a = k.dataset;
  const KEY = 'civic-pulse-kiosk:' + a.council + ':' + a.touchpoint;
  const BATCH = 1000;
  const start = k.querySelector('.start'), thanks = k.querySelector('.thanks'), waiting = k.querySelector('.waiting');
  let interval = a.intervalSeconds * 1000, thanksMs = a.thanksSeconds * 1000, last = -Infinity, busy = false, back;

  const load = () => {
    try {
      return JSON.parse(localStorage.getItem(KEY)) || [];
    } catch (e) {
      return [];
    }
  };
  const show = q => {
    waiting.hidden = !q.length;
    waiting.firstChild.textContent = q.length;
  };
  const save = q => {
    localStorage.setItem(KEY, JSON.stringify(q));
    show(q);
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
  const flush = async () => {
    const batch = load().slice(0, BATCH);
    if (busy || !batch.length) return;
    busy = true;
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
    busy = false;
    if (done.length && rest.length) flush();
  };

  const reset = () => {
    thanks.hidden = true;
    start.hidden = false;
  };
  k.addEventListener('click', e => {
    const b = e.target.closest('[data-score]');
    if (!b) return;
    const now = Date.now();
    if (now - last >= interval) {
      last = now;
      const q = load();
      q.push({
        id: uuid(), council: a.council, service: a.service, channel: 'face_to_face', touchpoint: a.touchpoint,
        scale: a.scale, score: +b.dataset.score, submittedAt: new Date(now).toISOString()
      });
      save(q);
      flush();
    }
    start.hidden = true;
    thanks.hidden = false;
    thanks.querySelector('h1').focus();
    clearTimeout(back);
    back = setTimeout(reset, thanksMs);
  });
  // The council's own kiosk settings, where survey-service publishes them, win over the page's defaults.
  fetch('/api/v1/councils/' + encodeURIComponent(a.council) + '/capture-settings', { credentials: 'omit' })
    .then(r => r.json()).then(s => {
      const c = s.kiosk || {};
      if (c.minimumIntervalSeconds >= 0) interval = c.minimumIntervalSeconds * 1000;
      if (c.idleSeconds > 0) thanksMs = Math.min(thanksMs, c.idleSeconds * 1000);
    }, () => 0);
  show(load());
  flush();
  setInterval(flush, 3000);
  addEventListener('online', flush);
})();
