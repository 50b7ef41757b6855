package dev.corral.base;

import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV as spreadsheets read it (RFC 4180), safe to open: a cell a spreadsheet would take for a
 * formula (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so a
 * VM name or purpose typed by someone cannot run as one; plain numbers, negative ones too, stay
 * numbers.
 */
public final class Csv {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Csv() {
    }

    /** One line, ended by CRLF. */
    public static String row(List<?> cells) {
        return String.join(",", cells.stream().map(Csv::cell).toList()) + "\r\n";
    }

    /** One cell, neutralised and quoted where needed; null is empty. */
    public static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches()) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
