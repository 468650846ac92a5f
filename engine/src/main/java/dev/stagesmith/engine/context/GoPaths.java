package dev.stagesmith.engine.context;


/**
 * The few Go library routines {@code .dockerignore} handling depends on, reproduced for slash-separated
 * paths: {@code filepath.Clean}, {@code filepath.Dir}, {@code strings.TrimSpace} and the syntax check
 * {@code filepath.Match} applies to a pattern. Moby runs these on every pattern, so their corner cases
 * (what counts as space, how {@code ..} collapses) decide what a pattern means.
 */
final class GoPaths {

    private GoPaths() {}

    /** {@code filepath.Clean}: the shortest lexically equivalent path ({@code ""} becomes {@code "."}). */
    static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        int n = path.length();
        StringBuilder out = new StringBuilder(n);
        int r = 0;
        int dotdot = 0;
        if (rooted) {
            out.append('/');
            r = 1;
            dotdot = 1;
        }
        while (r < n) {
            char c = path.charAt(r);
            if (c == '/') {
                r++;
            } else if (c == '.' && (r + 1 == n || path.charAt(r + 1) == '/')) {
                r++;
            } else if (c == '.' && path.charAt(r + 1) == '.' && (r + 2 == n || path.charAt(r + 2) == '/')) {
                r += 2;
                if (out.length() > dotdot) {
                    int w = out.length() - 1;
                    while (w > dotdot && out.charAt(w) != '/') {
                        w--;
                    }
                    out.setLength(w);
                } else if (!rooted) {
                    if (out.length() > 0) {
                        out.append('/');
                    }
                    out.append("..");
                    dotdot = out.length();
                }
            } else {
                if (rooted && out.length() != 1 || !rooted && out.length() != 0) {
                    out.append('/');
                }
                while (r < n && path.charAt(r) != '/') {
                    out.append(path.charAt(r++));
                }
            }
        }
        return out.length() == 0 ? "." : out.toString();
    }

    /** {@code filepath.Dir}: everything before the last slash, cleaned ({@code "."} when there is none). */
    static String dir(String path) {
        int i = path.lastIndexOf('/');
        return clean(path.substring(0, i + 1));
    }


    /**
     * Whether {@code filepath.Match} accepts {@code pattern}: every {@code [...]} class closed and not
     * empty, no class bound that is missing, {@code -} or {@code ]}, and no {@code \} at the end.
     * Patternmatcher rejects a pattern exactly when this fails.
     */
    static boolean isValidGlob(String pattern) {
        int i = 0;
        int n = pattern.length();
        while (i < n) {
            while (i < n && pattern.charAt(i) == '*') {
                i++;
            }
            int chunkStart = i;
            boolean inRange = false;
            while (i < n) {
                char c = pattern.charAt(i);
                if (c == '\\') {
                    if (i + 1 < n) {
                        i++;
                    }
                } else if (c == '[') {
                    inRange = true;
                } else if (c == ']') {
                    inRange = false;
                } else if (c == '*' && !inRange) {
                    break;
                }
                i++;
            }
            if (!isValidChunk(pattern.substring(chunkStart, i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isValidChunk(String chunk) {
        int j = 0;
        int n = chunk.length();
        while (j < n) {
            char c = chunk.charAt(j);
            if (c == '[') {
                j++;
                if (j < n && chunk.charAt(j) == '^') {
                    j++;
                }
                int ranges = 0;
                while (!(j < n && chunk.charAt(j) == ']' && ranges > 0)) {
                    j = classBound(chunk, j);
                    if (j < 0) {
                        return false;
                    }
                    if (chunk.charAt(j) == '-') {
                        j = classBound(chunk, j + 1);
                        if (j < 0) {
                            return false;
                        }
                    }
                    ranges++;
                }
                j++;
            } else if (c == '\\') {
                if (j + 1 >= n) {
                    return false;
                }
                j += 2;
            } else {
                j++;
            }
        }
        return true;
    }

    /** Go's {@code getEsc}: the index after one class bound at {@code j}, or -1 when it is malformed. */
    private static int classBound(String chunk, int j) {
        int n = chunk.length();
        if (j >= n || chunk.charAt(j) == '-' || chunk.charAt(j) == ']') {
            return -1;
        }
        if (chunk.charAt(j) == '\\') {
            j++;
            if (j >= n) {
                return -1;
            }
        }
        j += Character.charCount(chunk.codePointAt(j));
        return j >= n ? -1 : j;
    }
}
