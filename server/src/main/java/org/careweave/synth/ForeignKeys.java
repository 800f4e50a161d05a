package org.careweave.synth;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Foreign keys taken off tables for a bulk load and put back afterwards, in the same transaction. COPY checks a
 * foreign key row by row (queued until the end of the statement), which measured at about three quarters of the
 * generation time; adding the constraint back checks all rows in one join instead. A rollback restores the
 * constraints as they were. Needs only table ownership, unlike disabling triggers. While the transaction lasts,
 * the tables are locked against other sessions.
 */
final class ForeignKeys {

    private record Constraint(String table, String name, String definition) {
    }

    private final JdbcClient jdbc;
    private final List<Constraint> dropped;

    private ForeignKeys(JdbcClient jdbc, List<Constraint> dropped) {
        this.jdbc = jdbc;
        this.dropped = dropped;
    }

    static ForeignKeys dropFrom(JdbcClient jdbc, String... tables) {
        List<Constraint> constraints = jdbc.sql("""
                        select quote_ident(c.relname) as table_name, quote_ident(k.conname) as name,
                               pg_get_constraintdef(k.oid) as definition
                          from pg_constraint k join pg_class c on c.oid = k.conrelid
                         where k.contype = 'f' and k.conrelid = any (:tables::regclass[])
                         order by c.relname, k.conname""")
                .param("tables", "{" + String.join(",", tables) + "}")
                .query((rs, n) -> new Constraint(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        for (Constraint constraint : constraints) {
            jdbc.sql("alter table " + constraint.table() + " drop constraint " + constraint.name()).update();
        }
        return new ForeignKeys(jdbc, constraints);
    }

    void restore() {
        for (Constraint constraint : dropped) {
            jdbc.sql("alter table " + constraint.table() + " add constraint " + constraint.name() + " "
                    + constraint.definition()).update();
        }
    }
}
