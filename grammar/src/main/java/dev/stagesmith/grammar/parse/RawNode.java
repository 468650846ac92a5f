package dev.stagesmith.grammar.parse;

import dev.stagesmith.grammar.GoStrings;
import java.util.List;

/**
 * One instruction as BuildKit's line parser sees it (its {@code Node}): keyword, {@code --flags} and
 * the argument values, each with its span in the {@link LogicalLine}. The typed syntax tree is built
 * from this; the BuildKit dump is printed from the typed tree.
 *
 * @param keyword the keyword exactly as written
 * @param flags the builder flags, in order ({@code --} ends them and is not kept)
 * @param args BuildKit's argument values, in order (for ENV and LABEL: key, value, separator triplets)
 * @param argsFrom where the arguments (after the flags) begin
 * @param argsTo where the arguments end
 * @param json whether the arguments were a JSON array
 * @param jsonFrom where the JSON array (valid JSON, strings or not) begins, or -1
 * @param jsonTo where that JSON array ends (the end of the arguments: BuildKit rejects trailing text), or -1
 * @param child the instruction an ONBUILD wraps, or null
 * @param error the line parser's error for this instruction, or null
 */
public record RawNode(
        Span keyword, List<RawFlag> flags, int argsFrom, int argsTo, List<Span> args, boolean json, int jsonFrom,
        int jsonTo, RawNode child, Problem error) {

    /** A value with the logical span it came from. */
    public record Span(String value, int from, int to) {}

    /** A builder flag: its value with quotes and backslash escapes processed, and its span. */
    public record RawFlag(String text, int from, int to) {}

    /** An error found while parsing the line, with the logical span it concerns. */
    public record Problem(String message, int from, int to) {}

    /** The nested instruction's JSON start for ONBUILD, else this one's. */
    public int jsonStartDeep() {
        return child != null ? child.jsonStartDeep() : jsonFrom;
    }

    /** The first line-parser error here or in the wrapped instruction. */
    public Problem errorDeep() {
        return error != null || child == null ? error : child.errorDeep();
    }

    public String keywordLower() {
        return GoStrings.toLower(keyword.value());
    }
}
