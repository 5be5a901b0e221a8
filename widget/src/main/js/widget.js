/* Civic Pulse rating widget v1: no dependencies, no cookies, no storage, no third parties. docs/widget.md */
(d => {
  'use strict';
  const me = d.currentScript;
  const T = {
    en: {
      q: 'How was your experience of {s}?', why: 'What made it so?', whyHint: 'Choose any that apply',
      com: 'Is there anything else you want to tell us?', left: 'You have {n} characters remaining',
      ka: 'How would you rate us on each of these?', kaHint: 'From 1 (very poor) to 5 (very good)',
      delivery: 'Delivering what you needed', timeliness: 'Time taken', information: 'Information given',
      access: 'Ease of access', staff: 'Staff',
      cg: 'About you', cgHint: 'This helps us check that every group is served well.', pnts: 'Prefer not to say',
      next: 'Continue', skip: 'Skip', sent: 'Thank you. Your rating has been sent. The next questions are optional.',
      done: 'Thank you for your feedback', err: 'Sorry, that could not be sent. Please try again.',
      opt: '(optional)', lang: 'Language'
    },
    cy: {
      q: 'Sut oedd eich profiad o {s}?', why: 'Beth oedd y rheswm?', whyHint: 'Dewiswch unrhyw rai sy\'n berthnasol',
      com: 'A oes unrhyw beth arall yr hoffech ei ddweud wrthym?', left: 'Mae gennych {n} nod ar ôl',
      ka: 'Sut fyddech chi\'n ein sgorio ar bob un o\'r rhain?', kaHint: 'O 1 (gwael iawn) i 5 (da iawn)',
      delivery: 'Darparu\'r hyn oedd ei angen arnoch', timeliness: 'Yr amser a gymerwyd', information: 'Y wybodaeth a roddwyd',
      access: 'Pa mor hawdd oedd cael mynediad', staff: 'Staff',
      cg: 'Amdanoch chi', cgHint: 'Mae hyn yn ein helpu i wirio ein bod yn gwasanaethu pob grŵp yn dda.', pnts: 'Mae\'n well gennyf beidio â dweud',
      next: 'Parhau', skip: 'Hepgor', sent: 'Diolch. Mae eich sgôr wedi\'i anfon. Mae\'r cwestiynau nesaf yn ddewisol.',
      done: 'Diolch am eich adborth', err: 'Mae\'n ddrwg gennym, nid oedd modd anfon hynny. Rhowch gynnig arall arni.',
      opt: '(dewisol)', lang: 'Iaith'
    }
  };
  // Scale points from worst (score 1) to best, [English, Welsh], as infra/events Scale.
  const SCALES = {
    'faces-3': [['Poor', 'Gwael'], ['Average', 'Cyfartalog'], ['Good', 'Da']],
    'buttons-4': [['Very unhappy', 'Anhapus iawn'], ['Unhappy', 'Anhapus'], ['Happy', 'Hapus'], ['Very happy', 'Hapus iawn']],
    'likert-5': [['Very dissatisfied', 'Anfodlon iawn'], ['Dissatisfied', 'Anfodlon'],
      ['Neither satisfied nor dissatisfied', 'Ddim yn fodlon nac yn anfodlon'], ['Satisfied', 'Bodlon'], ['Very satisfied', 'Bodlon iawn']]
  };
  const FACES = ['\u{1F641}', '\u{1F610}', '\u{1F642}'];
  const AREAS = ['delivery', 'timeliness', 'information', 'access', 'staff'];
  const MAX = 1000;
  const esc = s => String(s == null ? '' : s).replace(/[&<>"']/g, c => '&#' + c.charCodeAt(0) + ';');
  const uuid = () => {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = b[6] & 15 | 64;
    b[8] = b[8] & 63 | 128;
    const h = [...b].map(x => (x + 256).toString(16).slice(1)).join('');
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join('-');
  };

  function enhance(el) {
    const a = el.dataset;
    const O = a.origin || new URL(me.src).origin;
    const council = a.council, service = a.service, touchpoint = a.touchpoint || location.pathname;
    const json = (path, body) => fetch(O + path, body ? {
      method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    } : { credentials: 'omit' }).then(r => {
      if (!r.ok) throw Error(r.status);
      return r.json();
    });
    // Until the settings arrive the container keeps its no-JavaScript link to the server-rendered form.
    return json('/api/v1/councils/' + encodeURIComponent(council) + '/capture-settings').then(cs => {
      const sv = cs.services[service];
      const Q = cs.customerGroupQuestions || {};
      const langs = cs.languages || ['en', 'cy'];
      const ov = cs.strings || {};
      const want = a.lang || (d.documentElement.lang || '').slice(0, 2);
      let L = langs.indexOf(want) >= 0 ? want : langs[0];
      // Every string as safe HTML: the council's overrides are escaped like everything else from the server.
      const t = (k, n) => esc((ov[L] || {})[k] || T[L][k]).replace('{n}', n).replace('{s}', n);
      const name = (o, en, cy) => esc(L == 'cy' && o[cy] ? o[cy] : o[en]);
      const steps = ['s'].concat(sv.reasons.length ? ['r'] : [], ['c', 'k'], Object.keys(Q).length ? ['g'] : [], ['d']);
      const A = { reasons: [], comment: null, keyAreas: {}, customerGroup: {} };
      let step = 0, id = null, busy = false, timer;

      const root = el.attachShadow({ mode: 'open' });
      root.innerHTML = '<link rel="stylesheet" href="' + esc(O) + '/widget/v1/widget.css"><form class="w" novalidate>'
        + '<div class="l" role="group"></div><div class="b"></div><p class="e" role="alert"></p></form><p class="vh" aria-live="polite"></p>';
      const form = root.querySelector('form'), bar = form.firstChild, body = bar.nextSibling, error = body.nextSibling;
      const live = form.nextSibling;
      const say = m => {
        live.textContent = '';
        setTimeout(() => live.innerHTML = m, 100);
      };
      const choice = (type, nm, v, label, on, j) => '<div class="c"><input type="' + type + '" id="' + nm + j + '" name="' + nm
        + '" value="' + esc(v) + '"' + (on ? ' checked' : '') + '><label for="' + nm + j + '">' + label + '</label></div>';
      const head = (txt, hint) => '<h2 tabindex="-1">' + txt + '</h2>' + (hint ? '<p class="h">' + hint + '</p>' : '');
      const nav = () => '<div class="n"><button class="p" value="next">' + t('next') + '</button><button value="skip">' + t('skip') + '</button></div>';

      const html = s => {
        if (s == 's') {
          const pts = SCALES[sv.scale];
          return '<fieldset><legend>' + head(t('q', name(sv, 'name', 'nameWelsh'))) + '</legend><div class="o">'
            + pts.map((p, j) => j).reverse().map(j => '<button name="score" value="' + (j + 1) + '">'
              + (pts.length == 3 ? '<span class="f" aria-hidden="true">' + FACES[j] + '</span>' : '') + esc(pts[j][L == 'cy' ? 1 : 0]) + '</button>').join('')
            + '</div></fieldset>';
        }
        if (s == 'r') {
          return '<fieldset><legend>' + head(t('why') + ' ' + t('opt'), t('whyHint')) + '</legend>'
            + sv.reasons.map((r, j) => choice('checkbox', 'reasons', r.code, name(r, 'english', 'welsh'), A.reasons.indexOf(r.code) >= 0, j)).join('')
            + '</fieldset>' + nav();
        }
        if (s == 'c') {
          const c = A.comment || '';
          return head('<label for="cm">' + t('com') + ' ' + t('opt') + '</label>')
            + '<textarea id="cm" name="comment" rows="5" maxlength="' + MAX + '" aria-describedby="cc">' + esc(c) + '</textarea>'
            + '<p class="h" id="cc">' + t('left', MAX - c.length) + '</p>' + nav();
        }
        if (s == 'k') {
          return head(t('ka') + ' ' + t('opt'), t('kaHint')) + AREAS.map(k => '<fieldset class="k"><legend>' + t(k) + '</legend>'
            + [1, 2, 3, 4, 5].map(v => choice('radio', 'k-' + k, v, v, A.keyAreas[k] == v, v)).join('') + '</fieldset>').join('') + nav();
        }
        if (s == 'g') {
          return head(t('cg') + ' ' + t('opt'), t('cgHint')) + Object.keys(Q).map(q => '<fieldset><legend>' + name(Q[q], 'label', 'labelWelsh') + '</legend>'
            + Q[q].answers.concat([{ code: 'prefer_not_to_say', english: T.en.pnts, welsh: T.cy.pnts }])
              .map((x, j) => choice('radio', 'g-' + q, x.code, x.code == 'prefer_not_to_say' ? t('pnts') : name(x, 'english', 'welsh'), A.customerGroup[q] == x.code, j)).join('')
            + '</fieldset>').join('') + nav();
        }
        return head(t('done'));
      };
      const render = focus => {
        form.lang = L;
        bar.setAttribute('aria-label', t('lang'));
        bar.innerHTML = langs.length > 1 ? langs.map(l => '<button type="button" class="x" lang="' + l + '" aria-pressed="' + (l == L) + '">'
          + (l == 'cy' ? 'Cymraeg' : 'English') + '</button>').join('') : '';
        body.innerHTML = html(steps[step]);
        error.textContent = '';
        if (focus) body.querySelector('h2').focus();
      };
      // Keeps what the resident has chosen on this step (also before a language switch redraws it).
      const collect = () => {
        const f = new FormData(form), s = steps[step];
        if (s == 'r') A.reasons = f.getAll('reasons');
        if (s == 'c') A.comment = f.get('comment').trim() || null;
        if (s == 'k') AREAS.forEach(k => f.get('k-' + k) && (A.keyAreas[k] = +f.get('k-' + k)));
        if (s == 'g') Object.keys(Q).forEach(q => f.get('g-' + q) && (A.customerGroup[q] = f.get('g-' + q)));
      };
      const advance = m => {
        step++;
        render(true);
        say(m || (steps[step] == 'd' ? t('done') : ''));
      };
      const send = (path, payload, m) => {
        busy = true;
        json(path, payload).then(() => advance(m), () => {
          error.innerHTML = t('err');
        }).finally(() => busy = false);
      };

      form.addEventListener('submit', e => {
        e.preventDefault();
        const b = e.submitter || {}, s = steps[step];
        if (busy || s == 'd') return;
        if (s == 's') {
          if (!b.name) return;
          id = id || uuid();
          send('/api/v1/ratings', {
            id, council, service, channel: 'web', touchpoint, scale: sv.scale, score: +b.value, submittedAt: new Date().toISOString()
          }, t('sent'));
        } else if (b.value == 'skip') {
          advance();
        } else {
          collect();
          send('/api/v1/ratings/' + id + '/answers', Object.assign({ council, service }, A));
        }
      });
      form.addEventListener('click', e => {
        const b = e.target.closest('.x');
        if (!b) return;
        collect();
        L = b.lang;
        render(false);
        bar.querySelector('[lang=' + L + ']').focus();
      });
      form.addEventListener('input', e => {
        if (e.target.name != 'comment') return;
        const m = t('left', MAX - e.target.value.length);
        root.getElementById('cc').innerHTML = m;
        clearTimeout(timer);
        timer = setTimeout(() => say(m), 1000);
      });
      render(false);
    });
  }

  d.querySelectorAll('[data-module="civic-pulse-rating"]').forEach(el => {
    // Each container on its own: one that fails keeps its link to the form and never breaks the page or the others.
    try {
      if (el.attachShadow && window.fetch && !el.shadowRoot) enhance(el).catch(() => 0);
    } catch (e) { /* the no-JavaScript form stays */ }
  });
})(document);
