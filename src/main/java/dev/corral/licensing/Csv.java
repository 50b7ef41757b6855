package dev.corral.licensing;

import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV as spreadsheets read it (RFC 4180). A cell that a spreadsheet would take for a formula
 * (starting with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, so an edition
 * or host name typed by someone cannot run as one; plain numbers, negative ones too, stay numbers.
 */
final class Csv {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+");

    private Csv() {
    }

    static String row(List<?> cells) {
        return String.join(",", cells.stream().map(Csv::cell).toList()) + "\r\n";
    }

    static String cell(Object value) {
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
