/**
 * The shared care record: every item about a person from every partner, each traceable to the organisation that
 * recorded it, read only through the access policy. Items the policy hides are reported as withheld, with the
 * reason, never silently dropped.
 */
package org.careweave.record;
