// Living Plan front-end entry point (ES module, CSP-safe: no eval, no inline
// styles). Served from /static/dist/app.mjs next to nhsuk-frontend.min.js.
import { initAll } from "./nhsuk-frontend.min.js";

// NHS.UK frontend only initialises inside <body class="nhsuk-frontend-supported">,
// normally set by the template's nonce'd inline snippet. Any browser running
// this module qualifies, so set the classes here too in case that snippet was
// blocked (no nonce).
document.body.classList.add("js-enabled", "nhsuk-frontend-supported");

initAll();

// htmx (if a page uses it) is loaded separately as a classic script. Stop it
// injecting its indicator <style> tag, which a strict CSP blocks; the
// equivalent rules live in livingplan.css.
function configureHtmx() {
  if (window.htmx) {
    window.htmx.config.includeIndicatorStyles = false;
  }
}

configureHtmx();

// If htmx's script comes after this module in document order, it is not
// defined yet; it injects its styles on DOMContentLoaded, and listeners run in
// registration order, so this one runs first.
if (!window.htmx && document.readyState !== "complete") {
  document.addEventListener("DOMContentLoaded", configureHtmx, { once: true });
}
