package org.biglam.lam.spark.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The paths of {@code load(...)}: Spark passes one as {@code path}, several as {@code paths} (a JSON array). */
final class Paths {

    private Paths() {
    }

    static List<String> of(Map<String, String> options) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            String k = e.getKey();
            if (k.equalsIgnoreCase("path") && e.getValue() != null && !e.getValue().isEmpty()) {
                out.add(e.getValue());
            }
        }
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase("paths") && e.getValue() != null) {
                out.addAll(jsonStrings(e.getValue()));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("lam: no input: give a path to load(...)");
        }
        return out;
    }

    /** The strings of a JSON array of strings, as Spark writes {@code paths}. */
    static List<String> jsonStrings(String json) {
        List<String> out = new ArrayList<>();
        String s = json.strip();
        if (!s.startsWith("[")) {
            out.add(s);
            return out;
        }
        int i = 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    char d = s.charAt(i);
                    if (d == '\\' && i + 1 < s.length()) {
                        char n = s.charAt(++i);
                        switch (n) {
                            case 'n': sb.append('\n'); break;
                            case 't': sb.append('\t'); break;
                            case 'r': sb.append('\r'); break;
                            case 'b': sb.append('\b'); break;
                            case 'f': sb.append('\f'); break;
                            case 'u':
                                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                                i += 4;
                                break;
                            default: sb.append(n);
                        }
                    } else {
                        sb.append(d);
                    }
                    i++;
                }
                out.add(sb.toString());
            }
            i++;
        }
        return out;
    }
}
