/**
 * Small value types every feature may use: roles, navigation entries, commands and the "not found" exceptions. Nothing
 * here holds state.
 */
package org.careweave.shared;
