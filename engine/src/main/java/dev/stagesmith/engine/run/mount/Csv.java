package dev.stagesmith.engine.run.mount;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one {@code --mount} value into its comma-separated fields the way Go's CSV reader does (BuildKit
 * parses mount values with one): a field wholly in double quotes may hold commas, and {@code ""} inside it is
 * one quote.
 */
final class Csv {

    private Csv() {}

    static List<String> fields(String line) throws MountException {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            field.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new MountException("--mount=" + line + ": a quote is not closed; close it or drop it");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new MountException("--mount=" + line + ": text after a closing quote; quote the whole field");
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            out.add(field.toString());
            if (i >= n) {
                return out;
            }
            i++; // the comma
        }
    }
}
