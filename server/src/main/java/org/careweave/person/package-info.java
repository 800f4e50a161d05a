/** The person index: who the record is about. */
package org.careweave.person;
