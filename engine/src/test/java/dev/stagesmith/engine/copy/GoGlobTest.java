package dev.stagesmith.engine.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases from Go's {@code filepath.Match} documentation and tests, plus the '/' rules COPY relies on. */
class GoGlobTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "*.txt      | a.txt      | true",
        "*.txt      | d/a.txt    | false",
        "*/a.txt    | d/a.txt    | true",
        "*          | ''         | true",
        "a*         | abc        | true",
        "a*/b       | abc/b      | true",
        "a*/b       | a/c/b      | false",
        "a*b*c*d*e*/f | axbxcxdxe/f | true",
        "a*b*c*d*e*/f | axbxcxdxexxx/f | true",
        "a*b*c*d*e*/f | axbxcxdxe/xxx/f | false",
        "ab[c]      | abc        | true",
        "ab[b-d]    | abc        | true",
        "ab[e-g]    | abc        | false",
        "ab[^c]     | abc        | false",
        "ab[^b-d]   | abe        | true",
        "a?b        | a☺b        | true",
        "a?b        | a/b        | false",
        "a\\*b      | a*b        | true",
        "a\\*b      | ab         | false",
        "[\\]a]     | ]          | true",
        "[\\-]      | -          | true",
        "[x\\-]     | z          | false",
        "[          | a          | false",
        "[^         | a          | false",
        "[]a]       | ]          | false",
        "[-]        | -          | false",
        "a\\        | a          | false",
        "[a-b-c]    | a          | false",
        "a[         | x          | false",
        "*x         | xxx        | true",
    })
    void matches(String pattern, String name, boolean expected) {
        assertEquals(expected, GoGlob.matches(pattern, name));
    }

    @ParameterizedTest
    @CsvSource({"a.txt, false", "*.txt, true", "a?, true", "[ab], true", "a\\*, false", "a\\\\*, true"})
    void detectsWildcards(String source, boolean expected) {
        assertEquals(expected, GoGlob.hasWildcards(source));
    }
}
