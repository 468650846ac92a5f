package dev.stagesmith.grammar.dump;

import dev.stagesmith.grammar.ParsedDockerfile;
import dev.stagesmith.grammar.GoQuoting;
import dev.stagesmith.grammar.GoStrings;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.grammar.syntax.Instruction;
import dev.stagesmith.grammar.syntax.OnBuild;
import dev.stagesmith.grammar.syntax.Unknown;
import dev.stagesmith.grammar.syntax.Word;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a syntax tree in the format of BuildKit's parser tests ({@code Node.Dump()}): one line per
 * instruction, {@code (keyword ["--flags"] "arg" ...)}, values quoted as Go's {@code strconv.Quote}.
 * It is how conformance with BuildKit is proven.
 */
public final class BuildKitDump {

    private BuildKitDump() {}

    /** The dump of the whole file, each instruction on its own line, ending with a line break. */
    public static String dump(ParsedDockerfile file) {
        StringBuilder out = new StringBuilder();
        for (Instruction i : file.instructions()) {
            out.append('(').append(dump(i)).append(")\n");
        }
        return GoStrings.trimSpace(out.toString()) + "\n";
    }

    public static String dump(Instruction instruction) {
        StringBuilder s = new StringBuilder(GoStrings.toLower(instruction.keyword().value()));
        if (!instruction.flags().isEmpty()) {
            List<String> flags = new ArrayList<>(instruction.flags().size());
            for (Flag f : instruction.flags()) {
                flags.add(asBuildKitReadsBytes(f.text()));
            }
            s.append(' ').append(GoQuoting.quoteList(flags));
        }
        if (instruction instanceof OnBuild onBuild) {
            onBuild.trigger().ifPresent(t -> s.append(" (").append(dump(t)).append(')'));
        } else if (instruction instanceof Unknown) {
            s.append(" \"\"");
        } else {
            for (Word w : instruction.args()) {
                s.append(' ').append(GoQuoting.quote(w.value()));
            }
        }
        return GoStrings.trimSpace(s.toString());
    }

    /**
     * BuildKit reads flags byte by byte and stores each byte as a character, so non-ASCII text in a flag
     * comes out re-encoded (for example {@code é} becomes {@code Ã©}); the dump shows what BuildKit shows.
     */
    private static String asBuildKitReadsBytes(String flag) {
        boolean ascii = true;
        for (int i = 0; i < flag.length() && ascii; i++) {
            ascii = flag.charAt(i) < 0x80;
        }
        if (ascii) {
            return flag;
        }
        byte[] bytes = flag.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            out.append((char) (b & 0xFF));
        }
        return out.toString();
    }
}
