/** Small value types every feature may use: roles and navigation entries. Nothing here holds state. */
package org.careweave.shared;
