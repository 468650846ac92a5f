/*
 * Dockerfile lexer. Four modes: the start of a line (directives, comments, blank lines, the keyword),
 * instruction arguments, JSON arrays, and heredoc bodies. What depends on context (the escape
 * character, which lines are directives, where a line continues, where a JSON array or a heredoc
 * terminator is) is decided in DockerfileLexerBase, which reads the file the way BuildKit does; the
 * rules below only ask it, so the tokens always agree with BuildKit's reading of every line.
 *
 * Predicates sit right after a rule's first character. ANTLR caches no DFA edge that passes a predicate:
 * on the left edge a mode's start state is recomputed for every token, on the right edge of a long rule
 * every character of it is matched by ATN simulation. They only look at the token's start offset, so
 * their place does not change the tokens.
 */
lexer grammar DockerfileLexer;

options { superClass = DockerfileLexerBase; }

tokens { JSON_PUNCT }

// ---- start of a line -------------------------------------------------------------------------

BOM       : '\uFEFF' {atFileStart()}? ;
NEWLINE   : '\r'* '\n' ;
BLANK     : SPACE+ ;
DIRECTIVE : '#' {isDirective()}? REST_OF_LINE ;
COMMENT   : '#' REST_OF_LINE ;

/** An escape character alone on the first line: the instruction starts on the next line. */
LINE_CONTINUATION : ESCAPE_CANDIDATE {isContinuation()}? [ \t]* ('\r'* '\n')? {enterInstruction();} ;

/** A byte order mark is part of a keyword anywhere but at the very start, where it must stay a BOM token. */
KEYWORD   : (~[ \t\u000B\f\r\n\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000#\\`\uFEFF] WORD_CHAR*
            | '\uFEFF' {!atFileStart()}? WORD_CHAR*
            | ESCAPE_CANDIDATE)
            {enterInstruction();} ;

// ---- instruction arguments --------------------------------------------------------------------

mode ARGS;

ARGS_CONTINUATION : ESCAPE_CANDIDATE {isContinuation()}? [ \t]* ('\r'* '\n')? -> type(LINE_CONTINUATION) ;
/** A comment line inside a continued instruction: BuildKit drops it. */
CONT_COMMENT      : SPACE* '#' {isSkippedLine()}? REST_OF_LINE ('\r'* '\n')? ;
/** A blank line inside a continued instruction: BuildKit drops it (and warns). */
EMPTY_CONT_LINE   : SPACE* '\n' {isSkippedLine()}? ;
JSON_OPEN         : '[' {isJsonStart()}? -> pushMode(JSON) ;
ARGS_NEWLINE      : '\r'* '\n' {endLogicalLine();} -> type(NEWLINE) ;
WS                : SPACE+ ;
TEXT              : TEXT_START WORD_CHAR* | '[' | ESCAPE_CANDIDATE ;

// ---- JSON (exec form) arrays ------------------------------------------------------------------

mode JSON;

JSON_CONTINUATION : ESCAPE_CANDIDATE {isContinuation()}? [ \t]* ('\r'* '\n')? -> type(LINE_CONTINUATION) ;
JSON_CONT_COMMENT : SPACE* '#' {isSkippedLine()}? REST_OF_LINE ('\r'* '\n')? -> type(CONT_COMMENT) ;
JSON_EMPTY_LINE   : SPACE* '\n' {isSkippedLine()}? -> type(EMPTY_CONT_LINE) ;
JSON_NEWLINE      : '\r'* '\n' {endLogicalLine();} -> type(NEWLINE) ;
JSON_STRING       : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"' ;
JSON_COMMA        : ',' ;
JSON_NESTED_OPEN  : '[' {openNestedArray();} -> type(JSON_PUNCT) ;
JSON_CLOSE        : ']' {closeArray();} ;
JSON_VALUE        : [a-zA-Z0-9.+-]+ ;
JSON_WS           : SPACE+ ;
JSON_OTHER        : . -> type(JSON_PUNCT) ;

// ---- heredoc bodies ---------------------------------------------------------------------------

mode HEREDOC;

HEREDOC_END  : {isHeredocTerminator()}? (~'\n'+ | ~'\n'* '\n') {heredocEnded();} ;
HEREDOC_LINE : ~'\n'+ | ~'\n'* '\n' ;

// ---- fragments --------------------------------------------------------------------------------

/** Go's unicode.IsSpace, without the line feed. */
fragment SPACE : [ \t\u000B\f\r\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000] ;
fragment TEXT_START : ~[ \t\u000B\f\r\n\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\\`[] ;
fragment WORD_CHAR : TEXT_START | '[' ;
fragment ESCAPE_CANDIDATE : [\\`] ;
/** The rest of a line without its line break: BuildKit splits lines at \n only, so a lone \r stays inside. */
fragment REST_OF_LINE : (~[\r\n] | '\r'+ ~[\r\n])* ;
