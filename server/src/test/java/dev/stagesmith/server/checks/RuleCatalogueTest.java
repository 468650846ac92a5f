package dev.stagesmith.server.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every rule has a unique, well-formed code and exactly one entry in docs/checks.md, and vice versa. */
class RuleCatalogueTest {

    private static final Pattern HEADING = Pattern.compile("(?m)^### `([^`]+)`");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*|[A-Z][A-Za-z0-9]*");

    @Test
    void codesAreUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (Rule r : Rules.all()) {
            assertTrue(CODE.matcher(r.code()).matches(), "code " + r.code());
            assertTrue(seen.add(r.code().toLowerCase(java.util.Locale.ROOT)), "duplicate code " + r.code());
            assertFalse(r.summary().isBlank(), r.code());
            assertTrue(r.defaultSeverity() != Severity.OFF || r instanceof ExperimentalRule, r.code());
        }
    }

    @Test
    void docsListEveryRuleOnce() throws IOException {
        String docs = Files.readString(Path.of("..", "docs", "checks.md"));
        List<String> documented = new java.util.ArrayList<>();
        Matcher m = HEADING.matcher(docs);
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertEquals(new HashSet<>(documented).size(), documented.size(), "a rule documented twice: " + documented);
        Set<String> codes = new TreeSet<>();
        Rules.all().forEach(r -> codes.add(r.code()));
        assertEquals(codes, new TreeSet<>(documented));
    }
}
