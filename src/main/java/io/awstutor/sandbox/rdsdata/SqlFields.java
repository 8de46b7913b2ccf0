package io.awstutor.sandbox.rdsdata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awstutor.sandbox.protocol.JsonCodec;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Base64;

/**
 * The Data API's typed values ({@code Field}: isNull, booleanValue, longValue, doubleValue,
 * stringValue, blobValue, arrayValue) to and from JDBC: parameters bound by their member and
 * type hint (DATE, TIME, TIMESTAMP, DECIMAL, UUID, JSON), columns read by their SQL type, as
 * Aurora's Data API maps them (decimals and dates as strings, integers as longs).
 */
final class SqlFields {
    private SqlFields() {
    }

    /** How ExecuteStatement's resultSetOptions ask for decimals and longs. */
    record Options(boolean decimalsAsNumbers, boolean longsAsStrings) {
        static final Options DEFAULT = new Options(false, false);
    }

    static void bind(PreparedStatement ps, int index, String name, JsonNode field, String typeHint, boolean postgres)
            throws SQLException {
        if (field.path("isNull").asBoolean(false)) {
            ps.setNull(index, Types.NULL);
        } else if (field.has("booleanValue")) {
            ps.setBoolean(index, field.get("booleanValue").asBoolean());
        } else if (field.has("longValue")) {
            ps.setLong(index, field.get("longValue").asLong());
        } else if (field.has("doubleValue")) {
            ps.setDouble(index, field.get("doubleValue").asDouble());
        } else if (field.has("blobValue")) {
            ps.setBytes(index, Base64.getDecoder().decode(field.get("blobValue").asText()));
        } else if (field.has("stringValue")) {
            bindString(ps, index, name, field.get("stringValue").asText(), typeHint, postgres);
        } else if (field.has("arrayValue")) {
            throw DataApiErrors.badRequest("Array parameters are not supported (parameter " + name + ").");
        } else {
            throw DataApiErrors.badRequest("The parameter " + name + " has no value: give one of isNull, booleanValue, longValue, "
                    + "doubleValue, stringValue or blobValue.");
        }
    }

    private static void bindString(PreparedStatement ps, int index, String name, String value, String typeHint, boolean postgres)
            throws SQLException {
        try {
            switch (typeHint == null ? "" : typeHint) {
                case "DATE" -> ps.setDate(index, java.sql.Date.valueOf(value));
                case "TIME" -> ps.setTime(index, java.sql.Time.valueOf(value));
                case "TIMESTAMP" -> ps.setTimestamp(index, java.sql.Timestamp.valueOf(value));
                case "DECIMAL" -> ps.setBigDecimal(index, new BigDecimal(value));
                case "UUID" -> {
                    if (postgres) {
                        ps.setObject(index, java.util.UUID.fromString(value));
                    } else {
                        ps.setString(index, value);
                    }
                }
                case "JSON" -> ps.setObject(index, value, postgres ? Types.OTHER : Types.VARCHAR);
                default -> ps.setString(index, value);
            }
        } catch (IllegalArgumentException e) {
            throw DataApiErrors.badRequest("The value of parameter " + name + " does not fit its typeHint " + typeHint
                    + ": " + e.getMessage());
        }
    }

    /** One column of the current row as a Field. */
    static ObjectNode read(ResultSet rs, int column, int sqlType, Options options) throws SQLException {
        ObjectNode field = JsonCodec.object();
        Object value = rs.getObject(column);
        if (value == null) {
            return field.put("isNull", true);
        }
        switch (sqlType) {
            case Types.BIT, Types.BOOLEAN -> {
                if (value instanceof byte[] bits) {
                    field.put("blobValue", Base64.getEncoder().encodeToString(bits));
                } else {
                    field.put("booleanValue", rs.getBoolean(column));
                }
            }
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                if (options.longsAsStrings()) {
                    field.put("stringValue", rs.getString(column));
                } else {
                    field.put("longValue", rs.getLong(column));
                }
            }
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> field.put("doubleValue", rs.getDouble(column));
            case Types.NUMERIC, Types.DECIMAL -> {
                BigDecimal decimal = rs.getBigDecimal(column);
                if (!options.decimalsAsNumbers()) {
                    field.put("stringValue", decimal.toPlainString());
                } else if (decimal.scale() <= 0) {
                    field.put("longValue", decimal.longValue());
                } else {
                    field.put("doubleValue", decimal.doubleValue());
                }
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB ->
                    field.put("blobValue", Base64.getEncoder().encodeToString(rs.getBytes(column)));
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> field.put("stringValue", timestamp(rs.getTimestamp(column)));
            case Types.ARRAY -> field.set("arrayValue", array((Object[]) rs.getArray(column).getArray()));
            default -> field.put("stringValue", rs.getString(column));
        }
        return field;
    }

    /** AWS's form: "2024-05-01 12:30:00" with a fraction only when there is one. */
    private static String timestamp(java.sql.Timestamp at) {
        String text = at.toLocalDateTime().toString().replace('T', ' ');
        return text.length() == 16 ? text + ":00" : text;
    }

    private static ObjectNode array(Object[] items) {
        ObjectNode out = JsonCodec.object();
        if (items.length > 0 && items[0] instanceof Object[]) {
            ArrayNode arrays = out.putArray("arrayValues");
            for (Object item : items) {
                arrays.add(array((Object[]) item));
            }
            return out;
        }
        Object sample = java.util.Arrays.stream(items).filter(java.util.Objects::nonNull).findFirst().orElse("");
        if (sample instanceof Boolean) {
            ArrayNode values = out.putArray("booleanValues");
            java.util.Arrays.stream(items).forEach(v -> values.add((Boolean) v));
        } else if (sample instanceof Long || sample instanceof Integer || sample instanceof Short) {
            ArrayNode values = out.putArray("longValues");
            java.util.Arrays.stream(items).forEach(v -> values.add(v == null ? null : ((Number) v).longValue()));
        } else if (sample instanceof Double || sample instanceof Float) {
            ArrayNode values = out.putArray("doubleValues");
            java.util.Arrays.stream(items).forEach(v -> values.add(v == null ? null : ((Number) v).doubleValue()));
        } else {
            ArrayNode values = out.putArray("stringValues");
            java.util.Arrays.stream(items).forEach(v -> values.add(v == null ? null : String.valueOf(v)));
        }
        return out;
    }

    /** columnMetadata, as includeResultMetadata asks for it. */
    static ArrayNode metadata(ResultSetMetaData md) throws SQLException {
        ArrayNode columns = JsonCodec.array();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.addObject().put("name", md.getColumnName(i)).put("type", md.getColumnType(i))
                    .put("typeName", md.getColumnTypeName(i)).put("label", md.getColumnLabel(i))
                    .put("schemaName", nonNull(md.getSchemaName(i))).put("tableName", nonNull(md.getTableName(i)))
                    .put("isAutoIncrement", md.isAutoIncrement(i)).put("isSigned", md.isSigned(i))
                    .put("isCurrency", md.isCurrency(i)).put("isCaseSensitive", md.isCaseSensitive(i))
                    .put("nullable", md.isNullable(i)).put("precision", md.getPrecision(i)).put("scale", md.getScale(i))
                    .put("arrayBaseColumnType", 0);
        }
        return columns;
    }

    /** A Field as formatRecordsAs JSON writes its value: the value itself. */
    static JsonNode plain(ObjectNode field) {
        if (field.has("isNull")) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }
        return field.elements().next();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
