package org.biglam.lam.cli.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The types a card declares, and checks that what was written has them. */
final class CardTypes {

    private static final JsonFactory JSON = new JsonFactory();

    private CardTypes() {
    }

    /** The features of the card's dataset_info (of one config, or the only one), as type names. */
    @SuppressWarnings("unchecked")
    static Map<String, String> declared(Path card, String config) throws IOException {
        Object info = ExportTestSupport.frontMatter(card).get("dataset_info");
        if (info instanceof List) {
            info = ((List<Map<String, Object>>) info).stream().filter(m -> m.get("config_name").equals(config))
                    .findFirst().orElseThrow();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> f : (List<Map<String, Object>>) ((Map<String, Object>) info).get("features")) {
            String type;
            if (f.get("dtype") instanceof String) {
                type = (String) f.get("dtype");
            } else if (f.get("dtype") instanceof Map) {
                type = "class_label";
            } else if (f.containsKey("sequence")) {
                type = "sequence:" + f.get("sequence");
            } else if (f.containsKey("list")) {
                List<String> inner = new ArrayList<>();
                for (Map<String, Object> g : (List<Map<String, Object>>) f.get("list")) {
                    inner.add(g.get("name") + ":" + (g.containsKey("sequence") ? "sequence:" + g.get("sequence")
                            : g.get("dtype")));
                }
                type = "list" + inner;
            } else {
                throw new AssertionError("unknown feature " + f);
            }
            out.put((String) f.get("name"), type);
        }
        return out;
    }

    /** The DuckDB types the card's types must be read as. */
    static Map<String, String> asDuckdb(Map<String, String> declared) {
        Map<String, String> out = new LinkedHashMap<>();
        declared.forEach((k, v) -> {
            String t;
            switch (v) {
                case "string":
                    t = "VARCHAR";
                    break;
                case "int64":
                case "class_label":
                    t = "BIGINT";
                    break;
                case "float64":
                    t = "DOUBLE";
                    break;
                case "bool":
                    t = "BOOLEAN";
                    break;
                case "timestamp[ms]":
                    t = "TIMESTAMP";
                    break;
                case "image":
                    t = "STRUCT(bytes BLOB, path VARCHAR)";
                    break;
                case "sequence:string":
                    t = "VARCHAR[]";
                    break;
                case "list[bbox:sequence:float64, category:string, text:string]":
                    t = "STRUCT(bbox DOUBLE[], category VARCHAR, \"text\" VARCHAR)[]";
                    break;
                default:
                    throw new AssertionError("no DuckDB type for " + v);
            }
            out.put(k, t);
        });
        return out;
    }

    /** The column types DuckDB reads from Parquet files. */
    static Map<String, String> duckdbTypes(Statement st, String files) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM " + files
                + ")")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /** A JSON object as maps, lists, strings, longs, doubles, booleans and nulls. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) throws IOException {
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            return (Map<String, Object>) value(p);
        }
    }

    private static Object value(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT:
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, value(p));
                }
                return m;
            case START_ARRAY:
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return true;
            case VALUE_FALSE:
                return false;
            default:
                return null;
        }
    }

    /** Checks that a JSON Lines value has the JSON type the Hub's loader casts to the declared type. */
    static void assertFits(String name, String type, Object v) {
        if (v == null) {
            return;
        }
        switch (type) {
            case "string":
                assertThat(v).as(name).isInstanceOf(String.class);
                break;
            case "int64":
            case "class_label":
                assertThat(v).as(name).isInstanceOf(Long.class);
                break;
            case "float64":
                assertThat(v).as(name).isInstanceOf(Double.class);
                break;
            case "bool":
                assertThat(v).as(name).isInstanceOf(Boolean.class);
                break;
            case "timestamp[ms]":
                assertThat(LocalDateTime.parse((String) v)).as(name).isNotNull();
                break;
            case "sequence:string":
                assertThat((List<?>) v).as(name).allMatch(e -> e instanceof String);
                break;
            default:
                throw new AssertionError("unchecked type " + type);
        }
    }
}
