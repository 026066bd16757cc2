/**
 * The cockpit's only stylesheet and script, served from the camp itself (no external assets: a camp may be offline).
 * The script keeps the page live: it listens to the page's server-sent events and replaces each region whose HTML
 * changed, counts down the current instruction, and sends answers to questions (with a screenshot) as JSON.
 */

export const STYLESHEET = `
body { font-family: system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fafafa; }
header { background: #0b3d5c; color: #fff; padding: .5rem 1rem; }
.logo { margin: 0; font-weight: 600; }
main { padding: 1rem; max-width: 110rem; }
.spring { position: absolute; left: -999px; }
.spring:focus { left: 1rem; top: .5rem; background: #fff; padding: .25rem; }
a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus { outline: 3px solid #f5a623; outline-offset: 2px; }
section { margin: 1.5rem 0; }
.rulle { overflow-x: auto; }
table.matrix { border-collapse: collapse; font-size: .85rem; }
table.matrix th, table.matrix td { border: 1px solid #bbb; padding: .3rem .4rem; text-align: center; }
table.matrix th[scope=row] { text-align: left; }
.tilstand-ikke-startet { background: #eee; }
.tilstand-koerer, .tilstand-afventer { background: #dbeafe; }
.tilstand-venter-paa-testeren { background: #fde68a; font-weight: 600; }
.tilstand-bestaaet, .tilstand-passed { background: #c9f2d0; }
.tilstand-fejlet, .tilstand-failed { background: #fbc4c4; font-weight: 600; }
.tilstand-attesteret { background: #d9f99d; }
.tilstand-sprunget-over, .tilstand-skipped, .tilstand-afbrudt { background: #e5e5e5; }
.felter label, .spoergsmaal label[for$=note], .spoergsmaal label[for$=bilag] { display: block; font-weight: 600; }
.felter input, textarea, input.link { width: 100%; max-width: 40rem; }
form.inline { display: inline-block; margin: 0 .5rem .5rem 0; }
.instruktion { border-left: 6px solid #f5a623; background: #fff8e6; padding: .5rem 1rem; font-size: 1.1rem; }
.besked { border: 2px solid #0b3d5c; padding: .5rem 1rem; background: #eef6fb; }
.fejl { color: #a00; }
pre { white-space: pre-wrap; background: #f0f0f0; padding: .5rem; max-height: 20rem; overflow: auto; }
ol.trin li { margin: .2rem 0; }
dl.fakta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.fakta dt { font-weight: 600; }
`;

export const SCRIPT = `
(function () {
  'use strict';
  var stream = document.body.getAttribute('data-stream');
  var shown = {};
  var waiting = {};
  // A region the user is typing in is not replaced under their hands: it waits until the focus leaves it.
  function apply(id) {
    var element = document.getElementById(id);
    if (!element || waiting[id] === undefined) return;
    var html = waiting[id];
    if (shown[id] !== undefined && element.contains(document.activeElement) && document.activeElement !== document.body) return;
    delete waiting[id];
    if (shown[id] === html) return;
    shown[id] = html;
    element.innerHTML = html;
  }
  function applyAll() { Object.keys(waiting).forEach(apply); tick(); }
  document.addEventListener('focusout', function () { setTimeout(applyAll, 0); });
  if (stream && window.EventSource) {
    var source = new EventSource(stream);
    source.addEventListener('regioner', function (event) {
      var regions = JSON.parse(event.data);
      Object.keys(regions).forEach(function (id) { waiting[id] = regions[id]; });
      applyAll();
    });
  }
  function tick() {
    var clocks = document.querySelectorAll('[data-frist]');
    for (var i = 0; i < clocks.length; i++) {
      var deadline = Date.parse(clocks[i].getAttribute('data-frist'));
      if (isNaN(deadline)) continue;
      var left = Math.round((deadline - Date.now()) / 1000);
      clocks[i].textContent = left > 0 ? Math.floor(left / 60) + ' min ' + (left % 60) + ' s' : 'tiden er gået';
    }
  }
  setInterval(tick, 1000);
  tick();
  function send(form, bilag) {
    var data = new FormData(form);
    var body = { svar: data.get('svar'), note: data.get('note') || '' };
    if (bilag) body.bilag = bilag;
    var button = form.querySelector('button');
    if (button) button.disabled = true;
    fetch(form.action, { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) { return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; }); })
      .then(function (result) {
        var status = document.createElement('p');
        status.setAttribute('role', 'status');
        status.textContent = result.ok ? 'Svaret er sendt.' : 'Svaret blev ikke modtaget: ' + (result.answer.fejl || 'ukendt fejl');
        form.appendChild(status);
        if (!result.ok && button) button.disabled = false;
        if (result.ok && document.activeElement) { document.activeElement.blur(); applyAll(); }
      });
  }
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute('data-json-form')) return;
    event.preventDefault();
    var file = form.querySelector('input[type=file]');
    if (file && file.files && file.files[0]) {
      var reader = new FileReader();
      reader.onload = function () { send(form, String(reader.result).replace(/^data:[^,]*,/, '')); };
      reader.readAsDataURL(file.files[0]);
    } else {
      send(form);
    }
  });
})();
`;
