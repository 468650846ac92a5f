package dev.stagesmith.server.features.completion;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.reference.InstructionReference;
import dev.stagesmith.grammar.reference.InstructionReference.InstructionInfo;
import dev.stagesmith.grammar.syntax.Instruction;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;

/**
 * Instruction keywords, in the file's keyword casing, as snippets when the client takes them. Only
 * what BuildKit accepts at that place: ARG and FROM before the first FROM, and no ONBUILD, FROM or
 * MAINTAINER after ONBUILD.
 */
final class KeywordCompletions {

    /** Keywords allowed before the first FROM. */
    static final Predicate<String> PREAMBLE = k -> k.equals("ARG") || k.equals("FROM");
    static final Predicate<String> ALL = k -> true;
    /** BuildKit refuses these as ONBUILD triggers. */
    static final Predicate<String> TRIGGERS = k -> !Set.of("ONBUILD", "FROM", "MAINTAINER").contains(k);

    /** The usual body of each instruction; {@code AS}, {@code CMD} and {@code NONE} follow the keyword casing. */
    private static final Map<String, String> SNIPPETS = Map.ofEntries(
            Map.entry("ADD", "ADD ${1:src} ${2:dest}"),
            Map.entry("ARG", "ARG ${1:name}"),
            Map.entry("CMD", "CMD [\"${1:executable}\"]"),
            Map.entry("COPY", "COPY ${1:src} ${2:dest}"),
            Map.entry("ENTRYPOINT", "ENTRYPOINT [\"${1:executable}\"]"),
            Map.entry("ENV", "ENV ${1:key}=${2:value}"),
            Map.entry("EXPOSE", "EXPOSE ${1:port}"),
            Map.entry("FROM", "FROM ${1:image}"),
            Map.entry("HEALTHCHECK", "HEALTHCHECK --interval=${1:30s} --timeout=${2:30s} CMD ${3:command}"),
            Map.entry("LABEL", "LABEL ${1:key}=\"${2:value}\""),
            Map.entry("MAINTAINER", "MAINTAINER ${1:name}"),
            Map.entry("ONBUILD", "ONBUILD ${1:instruction}"),
            Map.entry("RUN", "RUN ${1:command}"),
            Map.entry("SHELL", "SHELL [\"${1:executable}\", \"${2:parameter}\"]"),
            Map.entry("STOPSIGNAL", "STOPSIGNAL ${1:SIGTERM}"),
            Map.entry("USER", "USER ${1:user}"),
            Map.entry("VOLUME", "VOLUME [\"${1:/data}\"]"),
            Map.entry("WORKDIR", "WORKDIR ${1:/path}"));

    /** Second forms worth a snippet of their own: label, then body. */
    private static final List<List<String>> VARIANTS = List.of(
            List.of("COPY", "COPY --from", "COPY --from=${1:stage} ${2:src} ${3:dest}"),
            List.of("FROM", "FROM AS", "FROM ${1:image} AS ${2:name}"),
            List.of("HEALTHCHECK", "HEALTHCHECK NONE", "HEALTHCHECK NONE"),
            List.of("RUN", "RUN --mount=type=cache", "RUN --mount=type=cache,target=${1:/root/.cache} ${2:command}"));

    private KeywordCompletions() {}

    /** Which keywords a new line at the cursor may start with. */
    static Predicate<String> at(Cursor c) {
        return c.stage() == null ? PREAMBLE : ALL;
    }

    static boolean isKeywordPrefix(String typed) {
        return typed.chars().allMatch(ch -> (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
    }

    /**
     * Keywords replacing {@code replace}. On a fresh line they come with their body (a snippet, or a space
     * for clients without snippets); over an existing keyword, only the keyword.
     */
    static void complete(Cursor c, TextRange replace, Predicate<String> allowed, boolean fresh, Items items) {
        boolean lower = lowerCaseMajority(c);
        for (InstructionInfo info : InstructionReference.all()) {
            String name = info.name();
            if (!allowed.test(name)) {
                continue;
            }
            String keyword = cased(name, lower);
            CompletionItem item;
            if (fresh && items.snippets()) {
                item = items.addSnippet(keyword, CompletionItemKind.Keyword, replace, cased(SNIPPETS.get(name), lower));
            } else {
                item = items.add(keyword, CompletionItemKind.Keyword, replace, fresh ? keyword + " " : keyword);
                item.setFilterText(keyword);
            }
            describe(item, info, items);
        }
        if (fresh && items.snippets()) {
            for (List<String> v : VARIANTS) {
                if (allowed.test(v.get(0))) {
                    CompletionItem item = items.addSnippet(cased(v.get(1), lower), CompletionItemKind.Snippet, replace,
                            cased(v.get(2), lower));
                    describe(item, InstructionReference.find(v.get(0)).orElseThrow(), items);
                }
            }
        }
    }

    private static void describe(CompletionItem item, InstructionInfo info, Items items) {
        item.setDetail(info.syntax());
        items.document(item, info.description() + "\n\n[Dockerfile reference](https://docs.docker.com/reference/dockerfile/#"
                + info.name().toLowerCase(Locale.ROOT) + ")");
        if (info.name().equals("MAINTAINER")) {
            items.deprecate(item);
        }
    }

    /** Lower-cases the keywords of a snippet body (the upper-case words before any placeholder). */
    private static String cased(String text, boolean lower) {
        if (!lower) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (String word : text.split(" ", -1)) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(word.matches("[A-Z]+") ? word.toLowerCase(Locale.ROOT) : word);
        }
        return out.toString();
    }

    /**
     * Whether the file writes its keywords in lower case: more lower-case than upper-case keywords besides
     * the one being typed, or, with no other keyword, a lower-case word typed.
     */
    static boolean lowerCaseMajority(Cursor c) {
        int lower = 0;
        int upper = 0;
        for (Instruction i : c.file().instructions()) {
            String k = i.keyword().value();
            if (i == c.instruction()) {
                continue;
            }
            if (k.equals(k.toLowerCase(Locale.ROOT))) {
                lower++;
            } else if (k.equals(k.toUpperCase(Locale.ROOT))) {
                upper++;
            }
        }
        if (lower == 0 && upper == 0) {
            String typed = c.typed();
            return !typed.isEmpty() && typed.equals(typed.toLowerCase(Locale.ROOT));
        }
        return lower > upper;
    }
}
