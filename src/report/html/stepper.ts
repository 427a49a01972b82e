/**
 * The page's only script: the month stepper. It reads the JSON the page embeds and moves classes
 * on the Graphviz SVG (nodes `AGENT-state-STATE`, edges with class `t-FROM-TO`); nothing is fetched.
 */
export const STEPPER_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('thaw-data').textContent);
  var range = document.getElementById('step-range');
  var label = document.getElementById('step-label');
  var note = document.getElementById('step-note');
  var last = data.months.length - 1;
  var current = 0;
  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }
  function show(k) {
    current = Math.max(0, Math.min(last, k));
    var m = data.months[current];
    range.value = String(current);
    label.textContent = m.label;
    note.textContent = m.note;
    each('.node.current', function (n) { n.classList.remove('current'); });
    each('.edge.now', function (e) { e.classList.remove('now'); });
    Object.keys(m.states).forEach(function (agent) {
      var node = document.getElementById(agent + '-state-' + m.states[agent]);
      if (node) node.classList.add('current');
      each('.now-state[data-agent="' + agent + '"]', function (s) { s.textContent = m.states[agent]; });
    });
    m.moves.forEach(function (mv) { each('#machine-' + mv[0] + ' .t-' + mv[1] + '-' + mv[2], function (e) { e.classList.add('now'); }); });
    each('article.month', function (a) { a.classList.toggle('chosen', a.getAttribute('data-month') === String(current)); });
    document.body.setAttribute('data-step', String(current));
  }
  document.getElementById('step-prev').addEventListener('click', function () { show(current - 1); });
  document.getElementById('step-next').addEventListener('click', function () { show(current + 1); });
  range.addEventListener('input', function () { show(Number(range.value)); });
  document.addEventListener('keydown', function (event) {
    if (event.target === range || event.altKey || event.ctrlKey || event.metaKey) return;
    var moves = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: last };
    if (!(event.key in moves)) return;
    // Home and End scroll the page unless the stepper has the focus.
    if ((event.key === 'Home' || event.key === 'End') && !(event.target instanceof Element && event.target.closest('.stepper'))) return;
    event.preventDefault();
    show(moves[event.key]);
  });
  show(0);
})();
`;
