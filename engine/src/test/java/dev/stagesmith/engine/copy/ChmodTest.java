package dev.stagesmith.engine.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChmodTest {

    @ParameterizedTest(name = "{0} on {1} (dir={2}) -> {3}")
    @CsvSource(delimiter = '|', value = {
        "0        | 0644 | false | 0",
        "755      | 0600 | false | 0755",
        "0640     | 0777 | true  | 0640",
        "07777    | 0    | false | 07777",
        "u=rwX,go=rX | 0644 | false | 0644",
        "u=rwX,go=rX | 0744 | false | 0755",
        "u=rwX,go=rX | 0700 | true  | 0755",
        "u=rwX,go=rX | 0600 | true  | 0755",
        "+x       | 0644 | false | 0755",
        "a-w      | 0666 | false | 0444",
        "u+s      | 0755 | false | 04755",
        "g+s      | 0755 | true  | 02755",
        "+t       | 0755 | true  | 01755",
        "u+t      | 0755 | true  | 0755",
        "g=u      | 0640 | false | 0660",
        "o=       | 0777 | false | 0770",
        "go-rwx   | 0777 | false | 0700",
        "a=rX     | 0600 | false | 0444",
        "a=rX     | 0700 | false | 0555",
        "u+x,g+X  | 0644 | false | 0754",
        "a=       | 04777 | false | 0",
        "u=rw,g=r,o= | 0777 | false | 0640",
        "u+rw-x   | 0100 | false | 0600",
    })
    void applies(String spec, String mode, boolean dir, String expected) {
        int result = Chmod.parse(spec).apply(Integer.parseInt(mode, 8), dir);
        assertEquals(Integer.toOctalString(Integer.parseInt(expected, 8)), Integer.toOctalString(result));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "10000 | invalid chmod parameter: '10000'. it should be octal string and between 0 and 07777",
        "0888  | invalid chmod parameter: '0888'. it should be octal string and between 0 and 07777",
        "''    | invalid chmod parameter: '': missing operator in \"\"",
        "u+q   | invalid chmod parameter: 'u+q': unexpected character 'q' in \"u+q\"",
        "abc   | invalid chmod parameter: 'abc': unexpected character 'b' in \"abc\"",
        "u     | invalid chmod parameter: 'u': missing operator in \"u\"",
        "u+x,  | invalid chmod parameter: 'u+x,': missing operator in \"\"",
    })
    void rejects(String spec, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> Chmod.parse(spec)).getMessage());
    }
}
