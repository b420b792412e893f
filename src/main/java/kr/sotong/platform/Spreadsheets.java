package kr.sotong.platform;

/** Helpers for exports opened in Excel. */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    /**
     * Neutralises formula injection: a text cell beginning with {@code = + - @} (or tab/CR) is prefixed
     * with an apostrophe so spreadsheet programs show it as text.
     */
    public static String safeText(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
            return "'" + value;
        }
        return value;
    }
}
