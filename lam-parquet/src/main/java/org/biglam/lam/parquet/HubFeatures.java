package org.biglam.lam.parquet;

import java.util.List;

/**
 * The {@code huggingface} schema metadata that the {@code datasets} library writes into Parquet
 * files and reads back to restore feature types ({@code Image}, {@code ClassLabel}) without a
 * dataset card: {@code {"info":{"features":{...}}}}.
 *
 * @since 0.1
 */
public final class HubFeatures {

    /** The key of the key-value metadata entry. */
    public static final String METADATA_KEY = "huggingface";

    private HubFeatures() {
    }

    /**
     * The metadata value for these columns.
     *
     * @param columns the columns, in order
     * @return a JSON object, on one line
     */
    public static String metadataJson(List<HubColumn> columns) {
        StringBuilder sb = new StringBuilder("{\"info\":{\"features\":{");
        boolean first = true;
        for (HubColumn c : columns) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            quote(sb, c.name());
            sb.append(':');
            feature(sb, c);
        }
        return sb.append("}}}").toString();
    }

    private static void feature(StringBuilder sb, HubColumn c) {
        switch (c.type()) {
            case STRING:
                sb.append("{\"dtype\":\"string\",\"_type\":\"Value\"}");
                break;
            case INT64:
                sb.append("{\"dtype\":\"int64\",\"_type\":\"Value\"}");
                break;
            case STRING_LIST:
                sb.append("{\"feature\":{\"dtype\":\"string\",\"_type\":\"Value\"},\"_type\":\"Sequence\"}");
                break;
            case IMAGE:
                sb.append("{\"_type\":\"Image\"}");
                break;
            case FLOAT64:
                sb.append("{\"dtype\":\"float64\",\"_type\":\"Value\"}");
                break;
            case BOOL:
                sb.append("{\"dtype\":\"bool\",\"_type\":\"Value\"}");
                break;
            case TIMESTAMP:
                sb.append("{\"dtype\":\"timestamp[ms]\",\"_type\":\"Value\"}");
                break;
            case OBJECTS:
                // a list of dicts: datasets reads a JSON list holding one dict as List(that dict)
                sb.append("[{\"bbox\":{\"feature\":{\"dtype\":\"float64\",\"_type\":\"Value\"},"
                        + "\"_type\":\"Sequence\"},\"category\":{\"dtype\":\"string\",\"_type\":\"Value\"},"
                        + "\"text\":{\"dtype\":\"string\",\"_type\":\"Value\"}}]");
                break;
            case CLASS_LABEL:
                sb.append("{\"names\":[");
                for (int i = 0; i < c.classNames().size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    quote(sb, c.classNames().get(i));
                }
                sb.append("],\"_type\":\"ClassLabel\"}");
                break;
            default:
                throw new IllegalStateException(c.type().toString());
        }
    }

    /** Appends a JSON string literal. */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (ch < 0x20) {
                        sb.append(String.format("\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
            }
        }
        sb.append('"');
    }
}
