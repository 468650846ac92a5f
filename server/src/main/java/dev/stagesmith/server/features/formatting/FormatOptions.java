package dev.stagesmith.server.features.formatting;

import org.eclipse.lsp4j.FormattingOptions;

/**
 * A formatting request's options with Stagesmith's defaults where the client says nothing: four spaces,
 * trailing whitespace removed, a final newline added, trailing blank lines kept.
 *
 * @param indent one level of indentation (spaces or a tab)
 */
record FormatOptions(String indent, boolean trimTrailingWhitespace, boolean insertFinalNewline,
        boolean trimFinalNewlines) {

    static final FormatOptions DEFAULTS = new FormatOptions("    ", true, true, false);

    /** Tab sizes outside this range are a client's mistake; the default stands in. */
    private static final int MAX_TAB_SIZE = 16;

    static FormatOptions of(FormattingOptions options) {
        if (options == null) {
            return DEFAULTS;
        }
        Number size = options.getNumber("tabSize");
        int tabSize = size == null || size.intValue() < 1 || size.intValue() > MAX_TAB_SIZE ? 4 : size.intValue();
        boolean spaces = !Boolean.FALSE.equals(options.getBoolean("insertSpaces"));
        return new FormatOptions(spaces ? " ".repeat(tabSize) : "\t",
                !Boolean.FALSE.equals(options.getBoolean("trimTrailingWhitespace")),
                !Boolean.FALSE.equals(options.getBoolean("insertFinalNewline")),
                Boolean.TRUE.equals(options.getBoolean("trimFinalNewlines")));
    }
}
