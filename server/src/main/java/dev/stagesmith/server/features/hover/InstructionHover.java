package dev.stagesmith.server.features.hover;

import dev.stagesmith.grammar.reference.InstructionReference;
import dev.stagesmith.grammar.reference.InstructionReference.FlagInfo;
import dev.stagesmith.grammar.reference.InstructionReference.InstructionInfo;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.grammar.syntax.Instruction;
import java.util.Locale;
import java.util.Optional;

/** Instruction and flag documentation from {@link InstructionReference}, linked to the Dockerfile reference. */
final class InstructionHover {

    static final String REFERENCE = "https://docs.docker.com/reference/dockerfile/";

    private InstructionHover() {}

    /** False for a keyword BuildKit does not know (the diagnostics say so). */
    static boolean keyword(Instruction instruction, HoverText out) {
        Optional<InstructionInfo> info = InstructionReference.find(instruction.keyword().value());
        if (info.isEmpty()) {
            return false;
        }
        InstructionInfo i = info.get();
        out.bold(i.name()).text(": " + i.description());
        out.codeBlock("dockerfile", i.syntax());
        reference(i, out);
        return true;
    }

    static boolean flag(Instruction instruction, Flag flag, HoverText out) {
        Optional<InstructionInfo> info = InstructionReference.find(instruction.keyword().value());
        if (info.isEmpty()) {
            return false;
        }
        InstructionInfo i = info.get();
        Optional<FlagInfo> known = i.flag(flag.name());
        if (known.isEmpty()) {
            out.code("--" + flag.name()).text(" is not a flag of " + i.name() + ". ");
            if (i.flags().isEmpty()) {
                out.text(i.name() + " takes no flags.");
            } else {
                out.text(i.name() + " accepts ");
                for (int k = 0; k < i.flags().size(); k++) {
                    out.text(k == 0 ? "" : k == i.flags().size() - 1 ? " and " : ", ").code(i.flags().get(k).text());
                }
                out.text(".");
            }
            out.paragraph();
            reference(i, out);
            return true;
        }
        FlagInfo f = known.get();
        out.bold(f.text()).text(" (" + i.name() + "): " + f.description());
        out.paragraph();
        switch (f.kind()) {
            case BOOL -> out.text("On or off: ").code(f.text()).text(" or ").code(f.text() + "=false").text(".");
            case STRING -> out.text("Takes a value, once: ").code(f.text() + "=<value>").text(".");
            case REPEATABLE -> out.text("Takes a value and may be given more than once: ").code(f.text() + "=<value>")
                    .text(".");
            default -> { }
        }
        out.paragraph();
        reference(i, out);
        return true;
    }

    private static void reference(InstructionInfo i, HoverText out) {
        out.paragraph().link("Dockerfile reference: " + i.name(), url(i.name()));
    }

    /** The section of the Dockerfile reference about an instruction. */
    static String url(String instruction) {
        String anchor = instruction.toLowerCase(Locale.ROOT);
        return REFERENCE + "#" + (anchor.equals("maintainer") ? "maintainer-deprecated" : anchor);
    }
}
