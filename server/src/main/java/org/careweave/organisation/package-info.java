/** Organisations taking part in the neighbourhood, their staff and roles, and teams that span them. */
package org.careweave.organisation;
