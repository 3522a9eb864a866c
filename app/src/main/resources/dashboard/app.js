// The newsflow dashboard: polls the process's JSON endpoints and builds the DOM from them.
// Served data only ever reaches the page through textContent and attributes set one by one, never
// as markup, so an article title containing <script> is shown as text.
'use strict';

(function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const WINDOW_MS = 10 * 60 * 1000;
  const W = 600;
  const H = 120;
  let lastOk = 0;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function fmt(v) {
    if (v === null || v === undefined || Number.isNaN(v)) return '–';
    if (v >= 1000) return Math.round(v).toLocaleString('en');
    if (v >= 10) return v.toFixed(0);
    return v.toFixed(v === Math.round(v) ? 0 : 1);
  }

  function seconds(v) {
    if (v === null || v === undefined) return '–';
    if (v < 1) return Math.round(v * 1000) + ' ms';
    if (v < 120) return v.toFixed(1) + ' s';
    return (v / 60).toFixed(1) + ' min';
  }

  function plural(n, word) {
    return n + ' ' + word + (n === 1 ? '' : 's');
  }

  function time(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString('en-GB');
  }

  async function getJson(path) {
    const response = await fetch(path, { cache: 'no-store' });
    if (!response.ok) throw new Error(path + ': HTTP ' + response.status);
    return response.json();
  }

  // One chart: an SVG with a line per series, newest at the right. The time axis spans the data
  // (at least a minute, at most the ten minutes the server keeps), so a young process fills it too.
  function drawChart(figure, t, seriesList) {
    let box = figure.querySelector('svg');
    if (!box) {
      box = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, preserveAspectRatio: 'none', role: 'img' });
      figure.appendChild(box);
      figure.appendChild(el('div', 'axis'));
    }
    clear(box);
    const end = t.length ? t[t.length - 1] : Date.now();
    const span = Math.min(WINDOW_MS, Math.max(60 * 1000, t.length ? end - t[0] : 0));
    let max = 0;
    let sum = 0;
    let points = 0;
    for (const s of seriesList) {
      for (const v of s.values) {
        if (v !== null) { max = Math.max(max, v); sum += v; points++; }
      }
    }
    const top = max > 0 ? max * 1.15 : 1;
    seriesList.forEach((s, i) => {
      const coords = [];
      s.values.forEach((v, k) => {
        if (v === null) return;
        const x = Math.max(0, W - ((end - t[k]) / span) * W);
        const y = H - (v / top) * (H - 4);
        coords.push(x.toFixed(1) + ',' + y.toFixed(1));
      });
      if (coords.length > 1 && seriesList.length === 1) {
        const first = coords[0].split(',')[0];
        const last = coords[coords.length - 1].split(',')[0];
        box.appendChild(svg('polygon', { points: first + ',' + H + ' ' + coords.join(' ') + ' ' + last + ',' + H, class: 'area' }));
      }
      box.appendChild(svg('polyline', { points: coords.join(' '), class: 's' + i }));
    });
    figure.querySelector('.axis').textContent = '−' + Math.round(span / 1000) + ' s · max ' + fmt(max);
    figure.dataset.points = String(points);
    figure.dataset.sum = String(Math.round(sum * 100) / 100);
    figure.dataset.max = String(max);
    const now = figure.querySelector('.now');
    const latest = seriesList.map((s) => s.values.length ? s.values[s.values.length - 1] : null);
    now.textContent = latest.map(fmt).join(' / ');
    let legend = figure.querySelector('.legend');
    if (seriesList.length > 1) {
      if (!legend) { legend = el('div', 'legend'); figure.appendChild(legend); }
      clear(legend);
      seriesList.forEach((s, i) => legend.appendChild(el('span', 's' + i, s.name)));
    }
  }

  function renderThroughput(data) {
    for (const figure of document.querySelectorAll('.chart[data-kind="rate"]')) {
      const name = figure.dataset.series;
      drawChart(figure, data.t, [{ name: name, values: data.rates[name] || [] }]);
    }
    const lag = Object.entries(data.lag).map(([stage, values]) => ({ name: stage, values: values }));
    drawChart(document.getElementById('chart-lag'), data.t, lag);
  }

  function renderFreshness(data) {
    const box = document.getElementById('freshness');
    clear(box);
    const tiles = [['p50', data.percentiles.p50], ['p90', data.percentiles.p90], ['p99', data.percentiles.p99],
      ['max', data.maxSeconds], ['mean', data.meanSeconds]];
    for (const [name, value] of tiles) {
      const tile = el('div');
      tile.appendChild(el('dt', null, name));
      tile.appendChild(el('dd', null, data.count === 0 ? '–' : value === null || value === undefined ? 'n/a' : seconds(value)));
      tile.dataset.name = name;
      box.appendChild(tile);
    }
    const count = el('div');
    count.appendChild(el('dt', null, 'stored'));
    count.appendChild(el('dd', null, fmt(data.count)));
    box.appendChild(count);
  }

  function safeHref(url) {
    try {
      const u = new URL(url);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function renderTop(id, list, kind) {
    const box = document.getElementById(id);
    clear(box);
    if (!list.length) {
      box.appendChild(el('li', 'empty', 'none yet'));
      return;
    }
    const most = list[0].stories;
    for (const item of list) {
      const li = el('li', kind);
      li.appendChild(el('span', 'name', kind === 'country' ? item.name + ' (' + item.key + ')' : item.name));
      // a person is one entity under all its names; the id shows which, on hover
      if (kind === 'person') li.title = item.key;
      // syndicated copies of one story count once; the raw article count beside shows how many copies there were
      li.appendChild(el('span', 'count', (item.stories === 1 ? '1 story' : item.stories + ' stories') + ' · '
          + plural(item.articles, 'article') + ' · ' + plural(item.mentions, 'mention')));
      const bar = el('span', 'bar');
      bar.style.width = Math.round((item.stories / most) * 100) + '%';
      li.appendChild(bar);
      box.appendChild(li);
    }
  }

  function excerpt(ex) {
    const p = el('p', 'excerpt');
    let at = 0;
    if (ex.cutBefore) p.appendChild(document.createTextNode('… '));
    for (const m of ex.marks) {
      p.appendChild(document.createTextNode(ex.text.slice(at, m.start)));
      const mark = el('mark', m.type, ex.text.slice(m.start, m.end));
      mark.title = m.label;
      p.appendChild(mark);
      at = m.end;
    }
    p.appendChild(document.createTextNode(ex.text.slice(at)));
    if (ex.cutAfter) p.appendChild(document.createTextNode(' …'));
    return p;
  }

  function renderArticles(data) {
    const box = document.getElementById('articles');
    clear(box);
    if (!data.latest.length) box.appendChild(el('li', 'empty', 'no articles yet'));
    for (const a of data.latest) {
      const li = el('li', 'article');
      li.dataset.id = a.id;
      li.appendChild(el('div', 'meta', time(a.fetchedAt) + ' · ' + a.source + (a.version > 1 ? ' · v' + a.version : '')));
      const href = safeHref(a.url);
      const title = el(href ? 'a' : 'span', 'title', a.title);
      if (href) { title.href = href; title.rel = 'noopener noreferrer'; title.target = '_blank'; }
      li.appendChild(title);
      const tags = el('ul', 'tags');
      for (const c of a.countries) tags.appendChild(el('li', 'country', c.key + ' ' + c.name + ' ×' + c.count));
      for (const p of a.persons) tags.appendChild(el('li', 'person', p.name + ' ×' + p.count));
      li.appendChild(tags);
      li.appendChild(excerpt(a.excerpt));
      box.appendChild(li);
    }
    renderTop('top-countries', data.topCountries, 'country');
    renderTop('top-persons', data.topPersons, 'person');
  }

  function renderSources(data) {
    const stages = document.getElementById('stages');
    clear(stages);
    for (const s of data.stages) {
      const li = el('li', s.running ? 'up' : 'down', s.name + (s.running ? '' : ' down'));
      stages.appendChild(li);
    }
    const note = document.getElementById('hosts-note');
    note.textContent = data.hostsReported ? ''
      : 'The ingest stage of this process does not report host state' + (data.stages.some((s) => s.name === 'ingest') ? '.' : ' (no ingest stage here).');
    const body = document.querySelector('#hosts tbody');
    clear(body);
    for (const h of data.hosts) {
      const tr = el('tr');
      tr.appendChild(el('td', null, h.host));
      tr.appendChild(el('td', null, h.source));
      const state = el('td');
      state.appendChild(el('span', 'state ' + String(h.state).toLowerCase(), String(h.state).toLowerCase().replace(/_/g, ' ')));
      tr.appendChild(state);
      tr.appendChild(el('td', null, fmt(h.fetched)));
      tr.appendChild(el('td', null, fmt(h.failed)));
      tr.appendChild(el('td', null, time(h.lastFetchAt)));
      tr.appendChild(el('td', null, time(h.retryAt)));
      tr.appendChild(el('td', null, h.detail || ''));
      body.appendChild(tr);
    }
  }

  function percent(share, sampled) {
    return sampled ? Math.round(share * 100) + ' %' : '–';
  }

  function renderSourceHealth(sources) {
    const body = document.querySelector('#source-health tbody');
    clear(body);
    if (!sources.length) {
      const tr = el('tr');
      const td = el('td', 'empty', 'no source health yet (sources report after their first poll)');
      td.colSpan = 10;
      tr.appendChild(td);
      body.appendChild(tr);
      return;
    }
    for (const s of sources) {
      const tr = el('tr');
      tr.dataset.source = s.source;
      tr.dataset.status = s.status;
      const status = el('td');
      status.appendChild(el('span', 'health ' + s.status, s.status));
      tr.appendChild(status);
      tr.appendChild(el('td', null, s.source));
      tr.appendChild(el('td', null, time(s.lastPollAt)));
      tr.appendChild(el('td', null, s.lastPollOutcome || '–'));
      tr.appendChild(el('td', null, fmt(s.errorStreak)));
      // articles when the source has stored any, else the links its polls found
      const articles = s.stored24h > 0 || s.storedBaseline > 0;
      tr.appendChild(el('td', null, fmt(articles ? s.stored24h : s.found24h)));
      tr.appendChild(el('td', null, fmt(articles ? s.storedBaseline : s.foundBaseline)));
      tr.appendChild(el('td', null, percent(s.extractedShare, s.pagesSampled)));
      tr.appendChild(el('td', null, percent(s.blockedShare, s.pagesSampled)));
      tr.appendChild(el('td', 'reason', s.reason));
      body.appendChild(tr);
    }
  }

  function renderEdits(edits) {
    const box = document.getElementById('edits');
    clear(box);
    if (!edits.length) box.appendChild(el('li', 'empty', 'no edits seen yet'));
    for (const e of edits) {
      const li = el('li', 'edit');
      li.dataset.id = e.articleId;
      li.appendChild(el('div', 'meta', time(e.detectedAt) + ' · ' + e.source + ' · v' + e.oldVersion + ' → v' + e.newVersion
        + ' · ' + e.fields.join(', ')));
      const href = safeHref(e.url);
      const title = el(href ? 'a' : 'span', 'title', e.title);
      if (href) { title.href = href; title.rel = 'noopener noreferrer'; title.target = '_blank'; }
      li.appendChild(title);
      if (e.titleBefore !== null && e.titleBefore !== undefined) li.appendChild(el('del', 'before', e.titleBefore));
      const counts = [];
      if (e.paragraphsAdded) counts.push(plural(e.paragraphsAdded, 'paragraph') + ' added');
      if (e.paragraphsRemoved) counts.push(plural(e.paragraphsRemoved, 'paragraph') + ' removed');
      if (e.paragraphsChanged) counts.push(plural(e.paragraphsChanged, 'paragraph') + ' changed');
      if (counts.length) li.appendChild(el('div', 'paragraphs', counts.join(' · ')));
      box.appendChild(li);
    }
  }

  function poll(paths, render, periodMs) {
    async function tick() {
      try {
        const results = await Promise.all(paths.map(getJson));
        render(...results);
        lastOk = Date.now();
      } catch (e) {
        // the process may be restarting; the header shows how stale the page is
      }
      setTimeout(tick, periodMs);
    }
    tick();
  }

  function updated() {
    const node = document.getElementById('updated');
    const age = Date.now() - lastOk;
    node.classList.toggle('stale', lastOk === 0 || age > 5000);
    node.textContent = lastOk === 0 ? 'connecting…' : age > 5000 ? 'no answer for ' + Math.round(age / 1000) + ' s'
      : 'live · ' + new Date(lastOk).toLocaleTimeString('en-GB');
  }

  poll(['/dashboard/api/throughput', '/dashboard/api/freshness'], (throughput, freshness) => {
    renderThroughput(throughput);
    renderFreshness(freshness);
  }, 1000);
  // each panel on its own poll: an endpoint that fails or answers slowly leaves the others live
  poll(['/dashboard/api/articles'], renderArticles, 2000);
  poll(['/dashboard/api/sources'], renderSources, 2000);
  poll(['/dashboard/api/signals'], (signals) => {
    renderSourceHealth(signals.sources);
    renderEdits(signals.edits);
  }, 2000);
  setInterval(updated, 1000);
}());
