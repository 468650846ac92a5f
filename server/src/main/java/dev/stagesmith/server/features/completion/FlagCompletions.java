package dev.stagesmith.server.features.completion;

import dev.stagesmith.grammar.TextRange;
import dev.stagesmith.grammar.reference.InstructionReference;
import dev.stagesmith.grammar.reference.InstructionReference.FlagInfo;
import dev.stagesmith.grammar.reference.InstructionReference.FlagKind;
import dev.stagesmith.grammar.reference.InstructionReference.InstructionInfo;
import dev.stagesmith.grammar.syntax.Add;
import dev.stagesmith.grammar.syntax.Copy;
import dev.stagesmith.grammar.syntax.Flag;
import dev.stagesmith.grammar.syntax.Instruction;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;

/**
 * The builder flags an instruction accepts (one that is already given only when it may repeat) and the
 * values of those that have a vocabulary: platforms, permissions, owners, network and security modes,
 * durations and booleans. Stage names and mount options have their own classes.
 */
final class FlagCompletions {

    private FlagCompletions() {}

    static void names(Cursor c, Instruction target, Items items) {
        Optional<InstructionInfo> info = InstructionReference.find(target.name());
        if (info.isEmpty()) {
            return;
        }
        Set<String> given = new HashSet<>();
        for (Flag f : target.flags()) {
            if (f.range().start() != c.wordStart()) {
                given.add(f.name());
            }
        }
        for (FlagInfo f : info.get().flags()) {
            if (given.contains(f.name()) && !f.repeatable()) {
                continue;
            }
            String text = f.requiresValue() ? f.text() + "=" : f.text();
            CompletionItem item = items.add(f.text(), CompletionItemKind.Property, c.typedRange(), text);
            item.setFilterText(f.text());
            item.setDetail(f.description());
            items.document(item, f.description() + "\n\n`" + info.get().syntax() + "`");
        }
    }

    static void value(Cursor c, Instruction target, Slot.FlagValue v, Items items) {
        Optional<FlagInfo> flag = InstructionReference.find(target.name()).flatMap(i -> i.flag(v.name()));
        String typed = c.text().substring(v.valueStart(), c.offset());
        if (flag.isEmpty() || typed.startsWith("\"") || typed.startsWith("'")) {
            return;
        }
        TextRange replace = TextRange.of(v.valueStart(), c.offset());
        if (flag.get().kind() == FlagKind.BOOL) {
            items.value("true", replace, "the same as --" + v.name() + " alone", null);
            items.value("false", replace, "as if the flag were not given", null);
            return;
        }
        switch (v.name()) {
            case "from" -> StageCompletions.forCopy(c, replace, items);
            case "mount" -> MountCompletions.complete(c, v.valueStart(), items);
            case "platform" -> platforms(replace, items);
            case "chmod" -> chmod(replace, items);
            case "chown" -> {
                if (target instanceof Copy || target instanceof Add) {
                    OwnerCompletions.owners(c, replace, items);
                }
            }
            case "network" -> {
                items.value("default", replace, "the build's default network", null);
                items.value("none", replace, "no network access", null);
                items.value("host", replace, "the host's network (needs the network.host entitlement)", null);
            }
            case "security" -> {
                items.value("sandbox", replace, "the default sandbox", null);
                items.value("insecure", replace, "no sandbox (needs the security.insecure entitlement)", null);
            }
            case "checksum" -> items.value("sha256:", replace, "the digest of a remote file", null);
            case "interval" -> durations(replace, items, "30s", "10s", "1m");
            case "timeout" -> durations(replace, items, "30s", "5s", "10s");
            case "start-period" -> durations(replace, items, "0s", "30s", "1m");
            case "start-interval" -> durations(replace, items, "5s", "1s");
            case "retries" -> {
                items.value("3", replace, "the default", null);
                items.value("5", replace, "retries", null);
            }
            default -> { }
        }
    }

    private static void platforms(TextRange replace, Items items) {
        items.value("$BUILDPLATFORM", replace, "the platform of the machine running the build",
                "Runs this stage natively and cross-compiles from it, the usual choice for build stages.");
        items.value("$TARGETPLATFORM", replace, "the platform being built for",
                "What FROM uses anyway when `--platform` is absent.");
        for (String p : List.of("linux/amd64", "linux/arm64", "linux/arm/v7", "linux/arm/v6", "linux/386",
                "linux/ppc64le", "linux/s390x", "linux/riscv64", "windows/amd64")) {
            items.value(p, replace, "platform", null);
        }
    }

    private static void chmod(TextRange replace, Items items) {
        items.value("0755", replace, "rwxr-xr-x", "Directories and executables: everyone may read and run.");
        items.value("0644", replace, "rw-r--r--", "Regular files: everyone may read, the owner may write.");
        items.value("0700", replace, "rwx------", "Only the owner may read, write and run.");
        items.value("0600", replace, "rw-------", "Only the owner may read and write (keys, credentials).");
        items.value("0555", replace, "r-xr-xr-x", "Read-only executables.");
        items.value("0444", replace, "r--r--r--", "Read-only files.");
        items.value("u=rwX,go=rX", replace, "symbolic: directories and executables 0755, files 0644",
                "Symbolic modes need Dockerfile syntax 1.14 or later.");
    }

    private static void durations(TextRange replace, Items items, String... values) {
        for (int i = 0; i < values.length; i++) {
            items.value(values[i], replace, i == 0 ? "the default" : "duration", null);
        }
    }
}
