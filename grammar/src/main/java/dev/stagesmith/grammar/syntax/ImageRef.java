package dev.stagesmith.grammar.syntax;

import dev.stagesmith.grammar.TextRange;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;

/**
 * An image reference as written in FROM or {@code --from}, split into registry, repository path, tag and
 * digest with a source range for each part. Splitting is lenient so that editors can point at the parts
 * of references that contain variables or typos; {@link #isValid()} applies the strict grammar.
 */
public record ImageRef(
        String text, TextRange range, Optional<Word> registry, Word path, Optional<Word> tag, Optional<Word> digest) {

    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*"
            + "|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?";
    private static final Pattern VALID = Pattern.compile("(?:" + DOMAIN + "/)?" + COMPONENT + "(?:/" + COMPONENT
            + ")*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?");

    /** Splits {@code text}, which starts at source offset {@code offset} and has no line breaks, into its parts. */
    public static ImageRef parse(String text, int offset) {
        return parse(text, i -> offset + i);
    }

    /** Splits {@code text} into its parts; {@code sourceOffset} maps an index in {@code text} to the source. */
    public static ImageRef parse(String text, IntUnaryOperator offset) {
        int end = text.length();
        Optional<Word> digest = Optional.empty();
        int at = text.indexOf('@');
        if (at >= 0) {
            digest = Optional.of(part(text, offset, at + 1, end));
            end = at;
        }
        Optional<Word> registry = Optional.empty();
        int pathStart = 0;
        int slash = text.indexOf('/');
        if (slash >= 0 && slash < end) {
            String first = text.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")
                    || !first.equals(first.toLowerCase(java.util.Locale.ROOT))) {
                registry = Optional.of(part(text, offset, 0, slash));
                pathStart = slash + 1;
            }
        }
        Optional<Word> tag = Optional.empty();
        int colon = text.lastIndexOf(':', end - 1);
        if (colon >= pathStart && text.indexOf('/', colon) < 0) {
            tag = Optional.of(part(text, offset, colon + 1, end));
            end = colon;
        }
        Word path = part(text, offset, pathStart, end);
        return new ImageRef(text, range(offset, 0, text.length()), registry, path, tag, digest);
    }

    private static Word part(String text, IntUnaryOperator offset, int from, int to) {
        return new Word(text.substring(from, to), range(offset, from, to));
    }

    private static TextRange range(IntUnaryOperator offset, int from, int to) {
        if (to <= from) {
            return TextRange.empty(offset.applyAsInt(from));
        }
        return TextRange.of(offset.applyAsInt(from), offset.applyAsInt(to - 1) + 1);
    }

    /** Whether the reference follows the distribution reference grammar (lower-case repository, valid tag). */
    public boolean isValid() {
        // Length first: java.util.regex recurses once per repeated group, so 'a.a.a...' a few thousand
        // characters long overflowed the stack before the length could reject it.
        return text.length() <= 255 + 128 + 80 && VALID.matcher(text).matches();
    }
}
