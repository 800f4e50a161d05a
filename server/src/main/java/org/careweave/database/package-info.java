/**
 * Where CareWeave keeps its data: PostgreSQL, embedded when no database URL is configured, external otherwise.
 * Other features use the {@code DataSource} and {@code JdbcClient} beans and never this package's types.
 */
package org.careweave.database;
