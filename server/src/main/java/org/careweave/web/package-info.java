/** The web shell: sign-in, security configuration, layout, home pages and navigation that features fill. */
package org.careweave.web;
