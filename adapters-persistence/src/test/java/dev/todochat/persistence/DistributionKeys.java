package dev.todochat.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads PostgreSQL's catalogue for what stops a schema from being distributed by a column (Citus): every unique key
 * (primary keys, unique constraints, unique indexes) must contain the table's distribution column, and every foreign
 * key must join it to the referenced table's. The schema's own tables only; Flyway's history stays a local table.
 */
final class DistributionKeys {
    static final String DEFAULT_COLUMN = "user_id";
    private static final Set<String> NOT_DISTRIBUTED = Set.of("flyway_schema_history");

    private static final String TABLES = """
            SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY c.relname""";
    private static final String UNIQUE_KEYS = """
            SELECT t.relname, i.relname,
                   array(SELECT a.attname FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o) JOIN pg_attribute a
                         ON a.attrelid = x.indrelid AND a.attnum = k.n ORDER BY k.o)::text[]
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
                 JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND x.indisunique ORDER BY 1, 2""";
    private static final String FOREIGN_KEYS = """
            SELECT t.relname, c.conname, r.relname,
                   array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a
                         ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o)::text[],
                   array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a
                         ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)::text[]
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
                 JOIN pg_namespace n ON n.oid = t.relnamespace
            WHERE n.nspname = current_schema() AND c.contype = 'f' ORDER BY 1, 2""";

    private DistributionKeys() {
    }

    /** The tables of the current schema that would be distributed. */
    static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(TABLES)) {
            while (rows.next()) {
                if (!NOT_DISTRIBUTED.contains(rows.getString(1))) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    /**
     * Every key that leaves the distribution column out, one sentence each; empty when the schema can be distributed.
     *
     * @param exceptions tables distributed by another column than {@value #DEFAULT_COLUMN}, with that column
     */
    static List<String> violations(Connection connection, Map<String, String> exceptions) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery(UNIQUE_KEYS)) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    List<String> columns = List.of((String[]) rows.getArray(3).getArray());
                    String column = exceptions.getOrDefault(table, DEFAULT_COLUMN);
                    if (!NOT_DISTRIBUTED.contains(table) && !columns.contains(column)) {
                        found.add("unique key " + rows.getString(2) + " on " + table + columns + " leaves out " + column);
                    }
                }
            }
            try (ResultSet rows = statement.executeQuery(FOREIGN_KEYS)) {
                while (rows.next()) {
                    String table = rows.getString(1);
                    String referenced = rows.getString(3);
                    List<String> columns = List.of((String[]) rows.getArray(4).getArray());
                    List<String> referencedColumns = List.of((String[]) rows.getArray(5).getArray());
                    int at = columns.indexOf(exceptions.getOrDefault(table, DEFAULT_COLUMN));
                    if (at < 0 || !referencedColumns.get(at).equals(exceptions.getOrDefault(referenced, DEFAULT_COLUMN))) {
                        found.add("foreign key " + rows.getString(2) + " from " + table + columns + " to " + referenced
                                + referencedColumns + " does not join the distribution columns");
                    }
                }
            }
        }
        return found;
    }
}
