/**
 * Who is calling: staff signing in to the web UI (with lockout after repeated failures), and systems calling the
 * REST and FHIR APIs with OAuth2 bearer tokens from the embedded authorisation server (client credentials with a
 * secret, or a signed JWT assertion as in SMART Backend Services) or from a trusted external OpenID Connect
 * provider. What a caller may then see is the {@code access} feature's decision, not this one's.
 */
package org.careweave.identity;
