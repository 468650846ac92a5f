package dev.stagesmith.grammar.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShellsTest {

    @ParameterizedTest
    @CsvSource({
        "/bin/sh, true", "bash, true", "/usr/bin/zsh, true", "C:\\Program Files\\Git\\bin\\BASH.EXE, true",
        "busybox, true", "pwsh, false", "cmd, false", "/bin/fish, false", "'', false"})
    void programs(String path, boolean posix) {
        assertEquals(posix, Shells.isPosixProgram(path), path);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "echo $HOME                     | true",
        "#!/bin/bash -e\\necho $HOME     | true",
        "#!/usr/bin/env bash\\necho $x   | true",
        "#!/usr/bin/env python3\\nprint() | false",
        "#!/usr/bin/python3              | false",
        "#!                             | false"})
    void scripts(String script, boolean posix) {
        String text = script.replace("\\n", "\n");
        assertEquals(posix, Shells.isPosixScript(text), text);
    }
}
