/** The stand-in's stylesheet, served at STYLESHEET_PATH: a plain, accessible public health portal look. */

export const STYLESHEET_PATH = '/static/sundhedsjournal.css';

export const STYLESHEET = `
:root {
  --blaa: #0b3d6e; --blaa-lys: #e8f0f8; --tekst: #1b1b1b; --graa: #5a5a5a; --kant: #c9d3dd;
  --roed: #a4001d; --roed-lys: #fbe9ec; --gul: #7a5600; --gul-lys: #fff4d6; --groen: #1d6b34; --groen-lys: #e6f4ea;
  font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--tekst); line-height: 1.5;
}
* { box-sizing: border-box; }
body { margin: 0; background: #f5f7f9; }
a { color: var(--blaa); }
a:focus-visible, button:focus-visible, input:focus-visible, [tabindex]:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.spring-over { position: absolute; left: -999px; }
.spring-over:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem 1rem; z-index: 10; }
.bredde { max-width: 72rem; margin: 0 auto; padding: 0 1.25rem; }
.testmiljoe { background: var(--gul-lys); color: var(--gul); text-align: center; font-size: .875rem; padding: .35rem 1rem; border-bottom: 1px solid #e9d9a6; }
.top { background: var(--blaa); color: #fff; }
.top .bredde { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; min-height: 4rem; }
.logo { color: #fff; text-decoration: none; font-size: 1.35rem; font-weight: 600; letter-spacing: .01em; }
.logo small { display: block; font-size: .8rem; font-weight: 400; opacity: .85; }
.bruger { font-size: .95rem; display: flex; gap: 1.25rem; align-items: center; }
.bruger a { color: #fff; }
main.bredde { padding-top: 2rem; padding-bottom: 3rem; }
h1 { font-size: 2rem; margin: 0 0 .5rem; color: var(--blaa); }
h2 { font-size: 1.25rem; margin: 0; }
.ingress { color: var(--graa); max-width: 48rem; margin: 0 0 1.5rem; }
.opsummering { font-weight: 600; margin: 0 0 1.5rem; }
.kort { background: #fff; border: 1px solid var(--kant); border-radius: 6px; padding: 1.25rem 1.5rem; margin: 0 0 1.5rem; }
.rekvisition header { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem 1.5rem; margin-bottom: 1rem; }
.rekvisition header p { margin: 0; color: var(--graa); }
.tabel-rulle { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; min-width: 52rem; table-layout: fixed; font-size: .95rem; }
th:nth-child(1) { width: 19%; } th:nth-child(2) { width: 12%; } th:nth-child(3) { width: 10%; } th:nth-child(4) { width: 14%; }
th:nth-child(5) { width: 11%; } th:nth-child(6) { width: 15%; } th:nth-child(7) { width: 19%; }
td, th { overflow-wrap: anywhere; }
caption { text-align: left; }
th, td { text-align: left; vertical-align: top; padding: .6rem .75rem; border-bottom: 1px solid var(--kant); }
thead th { background: var(--blaa-lys); font-weight: 600; white-space: nowrap; }
tbody th { font-weight: 600; }
tr.rettet { background: var(--gul-lys); }
tr.annulleret td, tr.annulleret th { color: var(--graa); text-decoration: line-through; }
.kode, .note { display: block; font-size: .8rem; font-weight: 400; color: var(--graa); }
.bemaerkninger { margin: .35rem 0 0; padding-left: 1.1rem; font-weight: 400; font-size: .85rem; color: var(--graa); }
.vurdering { display: inline-block; margin-left: .35rem; font-size: .8rem; font-weight: 600; color: var(--roed); background: var(--roed-lys); border-radius: 3px; padding: 0 .35rem; }
.status { display: inline-block; font-size: .85rem; font-weight: 600; border-radius: 999px; padding: .05rem .6rem; border: 1px solid currentColor; }
.status-endeligt { color: var(--groen); background: var(--groen-lys); }
.status-foreloebigt { color: var(--blaa); background: var(--blaa-lys); }
.status-rettet { color: var(--gul); background: #fff; }
.status-annulleret { color: var(--roed); background: var(--roed-lys); }
.tid { display: block; white-space: nowrap; }
.tid-navn { color: var(--graa); font-size: .85rem; }
.tom { font-size: 1.1rem; }
.fejlboks { border-left: 6px solid var(--roed); background: var(--roed-lys); padding: 1rem 1.25rem; margin: 0 0 1.5rem; border-radius: 4px; }
.fejlboks h2 { color: var(--roed); margin-bottom: .25rem; }
.fejlboks p { margin: .25rem 0; }
.teknisk { font-size: .85rem; color: var(--graa); }
.log-ind { max-width: 28rem; }
label { display: block; font-weight: 600; margin-bottom: .25rem; }
.hjaelp { margin: 0 0 .5rem; color: var(--graa); font-size: .9rem; }
input[type=text] { font-size: 1.1rem; padding: .55rem .7rem; width: 100%; max-width: 16rem; border: 2px solid var(--graa); border-radius: 4px; }
input[aria-invalid=true] { border-color: var(--roed); }
button { display: block; margin-top: 1rem; font-size: 1rem; font-weight: 600; padding: .65rem 1.5rem; background: var(--blaa); color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
button:hover { background: #072a4c; }
footer { border-top: 1px solid var(--kant); color: var(--graa); font-size: .85rem; padding: 1.25rem 0 2rem; }
`;
