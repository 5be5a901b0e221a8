/* Draws a Chart.js chart above each data table marked up as
 *   <figure class="chart" data-module="chart" data-chart-type="line|bar" [data-y-min="0" data-y-max="100"]>
 *     <figcaption>...</figcaption>
 *     <div class="table-wrap"><table> <thead><tr><th>Period</th><th data-series="value">Satisfied %</th>
 *       <th data-series="lower">Lower</th><th data-series="upper">Upper</th><th data-series="target">Target</th>...</tr></thead>
 *       <tbody><tr><th scope="row">2026-01</th><td data-value="93.1234">93.1%</td>...</tr></tbody></table></div>
 *   </figure>
 * The table stays: it is the accessible version of the chart. Columns with data-series "lower" and "upper" become a shaded
 * interval band around the "value" series; "target" a dashed line; "points" dots without a line (e.g. councils on a
 * funnel plot); any other data-series a plain series; columns
 * without data-series are not drawn. Cells carry unrounded numbers in data-value; an empty data-value is a gap.
 * Each figure is enhanced on its own, so one broken table never breaks the page. No inline script or style is used. */
(function () {
  'use strict';
  if (!window.Chart || !document.querySelectorAll) { return; }
  var palette = { value: '#1d70b8', band: 'rgba(29,112,184,0.18)', target: '#d4351c', other: ['#00703c', '#4c2c92', '#b58840', '#6f777b', '#f47738', '#28a197'] };
  var reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  function number(cell) {
    var raw = cell ? cell.getAttribute('data-value') : null;
    if (raw === null || raw === '') { return null; }
    var n = Number(raw);
    return isFinite(n) ? n : null;
  }

  function enhance(figure) {
    var table = figure.querySelector('table');
    if (!table) { return; }
    var heads = table.querySelectorAll('thead th');
    var rows = table.querySelectorAll('tbody tr');
    var labels = [];
    var columns = [];
    for (var h = 1; h < heads.length; h++) {
      var role = heads[h].getAttribute('data-series');
      if (role) { columns.push({ index: h, role: role, name: heads[h].textContent.trim(), data: [] }); }
    }
    if (!columns.length || !rows.length) { return; }
    for (var r = 0; r < rows.length; r++) {
      var cells = rows[r].children;
      labels.push(cells[0].textContent.trim());
      for (var c = 0; c < columns.length; c++) { columns[c].data.push(number(cells[columns[c].index])); }
    }
    var type = figure.getAttribute('data-chart-type') || 'line';
    var datasets = [];
    var other = 0;
    var lower = columns.filter(function (x) { return x.role === 'lower'; })[0];
    var upper = columns.filter(function (x) { return x.role === 'upper'; })[0];
    if (lower && upper && type === 'line') {
      datasets.push({ label: lower.name, data: lower.data, borderWidth: 0, pointRadius: 0, fill: false, spanGaps: false });
      datasets.push({ label: upper.name, data: upper.data, borderWidth: 0, pointRadius: 0, fill: '-1', backgroundColor: palette.band, spanGaps: false });
    }
    columns.forEach(function (col) {
      if (col.role === 'lower' || col.role === 'upper') { return; }
      var d = { label: col.name, data: col.data, spanGaps: false };
      if (col.role === 'value') {
        d.borderColor = palette.value; d.backgroundColor = palette.value; d.borderWidth = 3; d.pointRadius = 4;
      } else if (col.role === 'target') {
        d.borderColor = palette.target; d.backgroundColor = palette.target; d.borderDash = [8, 4]; d.pointRadius = 0; d.borderWidth = 2;
        if (type === 'bar') { d.type = 'line'; }
      } else {
        var colour = palette.other[other++ % palette.other.length];
        d.borderColor = colour; d.backgroundColor = colour; d.borderWidth = 2; d.pointRadius = 3;
        if (col.role === 'limit') { d.borderDash = [4, 4]; d.pointRadius = 0; }
        if (col.role === 'points') { d.showLine = false; d.pointRadius = 5; }
      }
      datasets.push(d);
    });
    var holder = document.createElement('div');
    holder.className = 'chart-canvas';
    var canvas = document.createElement('canvas');
    var caption = figure.querySelector('figcaption');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', (caption ? caption.textContent.trim() + '. ' : '') +
      (document.documentElement.lang === 'cy' ? 'Mae’r ffigurau yn y tabl isod.' : 'The figures are in the table below.'));
    holder.appendChild(canvas);
    figure.insertBefore(holder, caption ? caption.nextSibling : figure.firstChild);
    var yMin = figure.getAttribute('data-y-min');
    var yMax = figure.getAttribute('data-y-max');
    var scales = { y: {} };
    if (yMin !== null) { scales.y.min = Number(yMin); }
    if (yMax !== null) { scales.y.max = Number(yMax); }
    new window.Chart(canvas, {
      type: type,
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: reduceMotion ? false : { duration: 300 },
        scales: scales,
        plugins: { legend: { labels: { filter: function (item) { return !(lower && upper && type === 'line' && (item.text === lower.name || item.text === upper.name)); } } } }
      }
    });
    figure.setAttribute('data-chart-ready', 'true');
  }

  function start() {
    var figures = document.querySelectorAll('[data-module="chart"]');
    for (var i = 0; i < figures.length; i++) {
      try { enhance(figures[i]); } catch (e) { if (window.console) { window.console.error('chart not drawn', e); } }
    }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());
