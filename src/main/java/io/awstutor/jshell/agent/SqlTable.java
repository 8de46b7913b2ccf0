package io.awstutor.jshell.agent;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A query's answer as the learner's session prints it: a count line, then a table with a
 * header and one line per row (at most {@value #MAX_ROWS}), values cut at 40 characters.
 * {@code SqlTable.query(db, "SELECT * FROM orders")} runs a query and keeps its rows;
 * {@code SqlTable.of(resultSet)} reads a result set the learner already has.
 */
public final class SqlTable {
    static final int MAX_ROWS = 200;
    private static final int MAX_WIDTH = 40;
    private final List<String> columns;
    private final List<List<String>> rows;
    private final boolean more;

    private SqlTable(List<String> columns, List<List<String>> rows, boolean more) {
        this.columns = columns;
        this.rows = rows;
        this.more = more;
    }

    public static SqlTable query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return of(rs);
        }
    }

    public static SqlTable of(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        List<List<String>> rows = new ArrayList<>();
        boolean more = false;
        while (rs.next()) {
            if (rows.size() == MAX_ROWS) {
                more = true;
                break;
            }
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= columns.size(); i++) {
                String value = rs.getString(i);
                row.add(value == null ? "NULL" : value);
            }
            rows.add(row);
        }
        return new SqlTable(List.copyOf(columns), List.copyOf(rows), more);
    }

    public List<String> columns() {
        return columns;
    }

    /** The rows, each as its values' text (NULL for SQL's null). */
    public List<List<String>> rows() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    @Override
    public String toString() {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = cut(columns.get(i)).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], cut(row.get(i)).length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(rows.size()).append(rows.size() == 1 ? " row" : " rows").append(more ? " (the first " + MAX_ROWS + ")" : "");
        String border = border(widths);
        out.append('\n').append(border).append('\n').append(line(columns, widths)).append('\n').append(border);
        for (List<String> row : rows) {
            out.append('\n').append(line(row, widths));
        }
        return out.append('\n').append(border).toString();
    }

    private static String border(int[] widths) {
        StringBuilder b = new StringBuilder("+");
        for (int w : widths) {
            b.append("-".repeat(w + 2)).append('+');
        }
        return b.toString();
    }

    private static String line(List<String> values, int[] widths) {
        StringBuilder b = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            String v = cut(values.get(i));
            b.append(' ').append(v).append(" ".repeat(widths[i] - v.length())).append(" |");
        }
        return b.toString();
    }

    private static String cut(String value) {
        String oneLine = value.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= MAX_WIDTH ? oneLine : oneLine.substring(0, MAX_WIDTH - 1) + "…";
    }
}
