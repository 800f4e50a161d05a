/**
 * Small value types every feature may use: roles, navigation entries, commands, the "not found" exceptions and the
 * service's time zone. Nothing here holds state.
 */
package org.careweave.shared;
