// Starts the NHS.UK frontend components. Loaded as a module so that, as in the NHS.UK page template, only
// browsers that support ES modules get the enhanced behaviour. It lives here, not inline, because the content
// security policy allows scripts from this origin only.
import { initAll } from '../nhsuk/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();
