package dev.stagesmith.grammar.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stagesmith.grammar.reference.InstructionReference.FlagKind;
import dev.stagesmith.grammar.reference.InstructionReference.InstructionInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstructionReferenceTest {

    @Test
    void everyBuildKitInstructionOnce() {
        assertEquals(List.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM", "HEALTHCHECK", "LABEL",
                "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR"),
                InstructionReference.names());
        for (InstructionInfo i : InstructionReference.all()) {
            assertFalse(i.description().isBlank(), i.name());
            assertTrue(i.syntax().startsWith(i.name()), i.name());
            i.flags().forEach(f -> assertFalse(f.description().isBlank(), i.name() + " " + f.name()));
        }
    }

    @Test
    void lookupIgnoresCase() {
        assertTrue(InstructionReference.isInstruction("copy"));
        assertTrue(InstructionReference.find("HealthCheck").isPresent());
        assertFalse(InstructionReference.isInstruction("RUNN"));
    }

    @Test
    void flagTablesAsBuildKitDeclaresThem() {
        assertEquals(List.of("from", "chown", "chmod", "link", "parents", "exclude"),
                InstructionReference.find("COPY").orElseThrow().flagNames());
        assertEquals(List.of("chown", "chmod", "link", "keep-git-dir", "checksum", "unpack", "exclude"),
                InstructionReference.find("ADD").orElseThrow().flagNames());
        assertEquals(List.of("mount", "network", "security", "device"),
                InstructionReference.find("RUN").orElseThrow().flagNames());
        assertEquals(List.of("platform"), InstructionReference.find("FROM").orElseThrow().flagNames());
        assertEquals(List.of("interval", "timeout", "start-period", "start-interval", "retries"),
                InstructionReference.find("HEALTHCHECK").orElseThrow().flagNames());
        assertTrue(InstructionReference.find("ENV").orElseThrow().flags().isEmpty());
    }

    @Test
    void flagKinds() {
        InstructionInfo copy = InstructionReference.find("COPY").orElseThrow();
        assertEquals(FlagKind.BOOL, copy.flag("link").orElseThrow().kind());
        assertEquals(FlagKind.STRING, copy.flag("from").orElseThrow().kind());
        assertTrue(copy.flag("exclude").orElseThrow().repeatable());
        assertTrue(InstructionReference.find("RUN").orElseThrow().flag("mount").orElseThrow().repeatable());
        assertFalse(copy.flag("link").orElseThrow().requiresValue());
        assertEquals("--from", copy.flag("from").orElseThrow().text());
        assertTrue(copy.flag("FROM").isEmpty(), "flag names are case-sensitive, as in BuildKit");
    }
}
