package org.careweave.web;

/**
 * A main navigation link as the layout renders it.
 *
 * @param current "page" on the page itself, "true" inside its section, null elsewhere (the aria-current value)
 */
record NavigationItem(String label, String path, String current) {
}
