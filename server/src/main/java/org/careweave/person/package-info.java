/**
 * Who the record is about: the person index (NHS number and demographics), matching of partners' patients to it,
 * the review queue for doubtful matches and reversible merges of duplicates.
 */
package org.careweave.person;
